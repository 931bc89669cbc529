// Points `@omnibus/shared` at the benchmark's own fresh build, so the server runs as compiled
// JavaScript (as in production) without touching shared/dist.
const Module = require('node:module');
const path = require('node:path');
const entry = path.join(__dirname, 'dist', 'shared', 'src', 'index.js');
const original = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  return original.call(this, request === '@omnibus/shared' ? entry : request, ...rest);
};
