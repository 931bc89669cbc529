import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { Actor } from '../auth/actor';

/**
 * What changed in a draft, told after the change committed. The real-time document, live sessions
 * and any other listener follow the database through these, never the other way round.
 */
export type DraftEvent =
  | { type: 'paragraph.changed'; draftId: string; paragraphId: string; action: string; actor: Actor | null }
  | { type: 'amendment.changed'; draftId: string; paragraphId: string; amendmentId: string; action: string; actor: Actor | null }
  | { type: 'draft.changed'; draftId: string; action: string; actor: Actor | null };

type Listener = (event: DraftEvent) => void | Promise<void>;

@Injectable()
export class DraftEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  /** Call only after the transaction that made the change has committed. */
  emit(event: DraftEvent): void {
    this.emitter.emit('event', event);
  }

  /** Listeners run asynchronously; a failing listener is logged by the caller's wrapper, never rethrown into the request. */
  subscribe(listener: Listener): () => void {
    const wrapped = (event: DraftEvent) => {
      Promise.resolve()
        .then(() => listener(event))
        .catch((err: unknown) => {
          process.stderr.write(`draft event listener failed: ${err instanceof Error ? err.message : String(err)}\n`);
        });
    };
    this.emitter.on('event', wrapped);
    return () => this.emitter.off('event', wrapped);
  }
}
