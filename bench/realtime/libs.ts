/** ESM-typed packages loaded through their CommonJS builds (see server/src/collaboration/yjs.ts). */
import type * as AwarenessModule from 'y-protocols/awareness' with { 'resolution-mode': 'import' };
import type * as YWebsocketModule from 'y-websocket' with { 'resolution-mode': 'import' };

export { Y, encoding, decoding } from '../../server/src/collaboration/yjs';
export type { Doc, Transaction, YText, YMap } from '../../server/src/collaboration/yjs';
export type { Awareness } from 'y-protocols/awareness' with { 'resolution-mode': 'import' };

/* eslint-disable @typescript-eslint/no-require-imports -- see above */
export const awarenessProtocol = require('y-protocols/awareness') as typeof AwarenessModule;
export const yWebsocket = require('y-websocket') as typeof YWebsocketModule;
/* eslint-enable @typescript-eslint/no-require-imports */
