import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DraftEvents, type DraftEvent } from '../events/draft-events';
import { TranslationsService } from './translations.service';

/**
 * Follows every change to a draft (API, co-editing projection, decisions, imports, sponsorships)
 * and records the originals' new revisions, so translations turn outdated on every screen as soon
 * as the original they were made from changes.
 */
@Injectable()
export class TranslationEvents implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly events: DraftEvents,
    private readonly translations: TranslationsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((event) => this.handle(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async handle(event: DraftEvent): Promise<void> {
    switch (event.type) {
      case 'paragraph.changed':
      case 'amendment.changed':
        await this.translations.originalChanged(event.draftId, event.paragraphId);
        return;
      case 'draft.changed':
        await this.translations.originalChanged(event.draftId, null);
        return;
      default: {
        const unreachable: never = event;
        throw new Error(`unknown draft event ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
