import * as path from 'node:path';

// Jest's moduleNameMapper does not apply to the global setup, which runs in Jest's own process:
// point `@omnibus/shared` at its TypeScript sources there too, so tests never need a build first.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the private resolver is only reachable this way
const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = Module._resolveFilename;
const sharedEntry = path.resolve(__dirname, '../../shared/src/index.ts');
Module._resolveFilename = function resolve(request: string, ...rest: unknown[]): string {
  return original.call(this, request === '@omnibus/shared' ? sharedEntry : request, ...rest);
};
