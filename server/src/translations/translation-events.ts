import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DraftEvents, type DraftEvent } from '../events/draft-events';
import { logFailure } from '../logging/logger';
import { TranslationsService } from './translations.service';

/**
 * Follows every change to a draft (API, co-editing projection, decisions, imports, sponsorships)
 * and records the originals' new revisions, so translations turn outdated on every screen as soon
 * as the original they were made from changes.
 *
 * Changes that arrive together are checked together: a co-editing projection round reports every
 * paragraph it stored (up to the whole draft once a second while a room types), and each check reads
 * the whole draft. So a draft's changes gather until the current turn ends and are checked in one
 * go, one check per draft at a time; what arrives meanwhile is checked right after it.
 */
@Injectable()
export class TranslationEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('TranslationEvents');
  private unsubscribe: (() => void) | null = null;
  /** Per draft, the paragraphs changed since its last check began; null: the whole draft. */
  private readonly gathered = new Map<string, Set<string> | null>();
  private readonly checking = new Set<string>();
  private closed = false;

  constructor(
    private readonly events: DraftEvents,
    private readonly translations: TranslationsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((event) => this.handle(event));
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.unsubscribe?.();
  }

  private handle(event: DraftEvent): void {
    switch (event.type) {
      case 'paragraph.changed':
      case 'amendment.changed':
        this.gather(event.draftId, event.paragraphId);
        return;
      case 'draft.changed':
        this.gather(event.draftId, null);
        return;
      default: {
        const unreachable: never = event;
        throw new Error(`unknown draft event ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private gather(draftId: string, paragraphId: string | null): void {
    const waiting = this.gathered.has(draftId);
    const ids = this.gathered.get(draftId);
    if (paragraphId === null || ids === null) this.gathered.set(draftId, null);
    else this.gathered.set(draftId, (ids ?? new Set<string>()).add(paragraphId));
    if (!waiting && !this.checking.has(draftId)) setImmediate(() => void this.check(draftId));
  }

  private async check(draftId: string): Promise<void> {
    if (this.closed || this.checking.has(draftId) || !this.gathered.has(draftId)) return;
    const ids = this.gathered.get(draftId) ?? null;
    this.gathered.delete(draftId);
    this.checking.add(draftId);
    try {
      await this.translations.originalChanged(draftId, ids === null ? null : [...ids]);
    } catch (err) {
      logFailure(this.logger, `checking the translations of draft ${draftId} after a change failed`, err);
    } finally {
      this.checking.delete(draftId);
      if (this.gathered.has(draftId)) setImmediate(() => void this.check(draftId));
    }
  }
}
