/** Transaction origins on the live document, so its update listener knows where a change came from. */

/** One of our own batches, applied once committed (the shadow has it already). */
export const COMMITTED = Symbol('committed');

/** One of our batches that also released changes the live document was holding back: the shadow needs those. */
export const COMMITTED_RELEASING = Symbol('committed-releasing');

/** A change another instance committed. */
export const REMOTE = Symbol('remote');

/** The server's own change, merged from the database; its updates are collected for one transaction. */
export class SyncCapture {
  readonly updates: Uint8Array[] = [];
}
