import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { Actor } from '../auth/actor';
import { logFailure } from '../logging/logger';

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
  private readonly logger = new Logger('DraftEvents');

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  /** Call only after the transaction that made the change has committed. */
  emit(event: DraftEvent): void {
    this.emitter.emit('event', event);
  }

  /** Listeners run asynchronously; a failing listener is logged with its stack, never rethrown into the request. */
  subscribe(listener: Listener): () => void {
    const wrapped = (event: DraftEvent) => {
      Promise.resolve()
        .then(() => listener(event))
        .catch((err: unknown) => logFailure(this.logger, `a listener of ${event.type} (${event.action}) on draft ${event.draftId} failed`, err));
    };
    this.emitter.on('event', wrapped);
    return () => this.emitter.off('event', wrapped);
  }
}
