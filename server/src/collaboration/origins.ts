import type { BracketClaim } from './collab-documents.repository';
import type { CollabConnection } from './connection';

/** Transaction origins on the live document, so its update listener knows where a change came from. */
export class ClientOrigin {
  constructor(
    readonly connection: CollabConnection,
    readonly claims: BracketClaim[],
    /** The live document held changes waiting for missing ones, which this update may release: the shadow must see those too. */
    readonly mirror: boolean,
  ) {}
}

/** A change another instance committed. */
export const REMOTE = Symbol('remote');

/** The server's own change, merged from the database; its updates are collected for one transaction. */
export class SyncCapture {
  readonly updates: Uint8Array[] = [];
}
