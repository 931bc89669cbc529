/**
 * Yjs and lib0 for this CommonJS server. Both packages ship a CommonJS build for `require`, but
 * declare their types as ES modules, which TypeScript refuses to `import` from CommonJS; so the
 * types come in as type-only imports and the values through `require`, in this one place.
 */
import type * as YjsModule from 'yjs' with { 'resolution-mode': 'import' };
import type * as DecodingModule from 'lib0/decoding' with { 'resolution-mode': 'import' };
import type * as EncodingModule from 'lib0/encoding' with { 'resolution-mode': 'import' };

export type {
  Doc,
  Item,
  Transaction,
  Text as YText,
  Map as YMap,
  AbstractType,
  ID,
  GC,
  Skip,
} from 'yjs' with { 'resolution-mode': 'import' };

/* eslint-disable @typescript-eslint/no-require-imports -- see above */
export const Y = require('yjs') as typeof YjsModule;
export const decoding = require('lib0/decoding') as typeof DecodingModule;
export const encoding = require('lib0/encoding') as typeof EncodingModule;
/* eslint-enable @typescript-eslint/no-require-imports */
