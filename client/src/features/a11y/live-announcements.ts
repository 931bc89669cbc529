import type { DraftView } from '@omnibus/shared';
import type { LivePayload } from '@omnibus/shared/live-protocol';
import type { TFunction } from 'i18next';
import { LIVE } from '../session/live-events';

/** "CICTE 9", or the topic's title and the number for a long topic key, as the room names paragraphs. */
export function paragraphName(draft: Pick<DraftView, 'sections'> | null, sectionKey: string, label: string): string {
  if (sectionKey.length <= 6) return `${sectionKey} ${label}`;
  const title = draft?.sections.find((s) => s.key === sectionKey)?.title ?? sectionKey;
  return `${title} ${label}`;
}

/** Who has the floor in a speakers' list, if anyone. */
export function speakingIn(payload: LivePayload<typeof LIVE.speakersChanged>): string | null {
  return payload.speakers.find((s) => s.status === 'speaking')?.delegation ?? null;
}

/**
 * The sentence a screen reader hears for a live event of the room (the called paragraph, a
 * decision, who has the floor), or null for an event that needs no words.
 */
export function announcementFor(event: string, payload: unknown, draft: Pick<DraftView, 'sections'> | null, floorBefore: string | null, t: TFunction): string | null {
  switch (event) {
    case LIVE.paragraphCalled: {
      const { item } = payload as LivePayload<typeof LIVE.paragraphCalled>;
      return t('a11y:called', { name: paragraphName(draft, item.sectionKey, item.label) });
    }
    case LIVE.decisionRecorded: {
      const { decision, tally } = payload as LivePayload<typeof LIVE.decisionRecorded>;
      return t(`decided.${decision.decision}`, { name: paragraphName(draft, decision.sectionKey, decision.label), lead: decision.leadDelegation ?? '', tally: tally.text });
    }
    case LIVE.speakersChanged: {
      const now = speakingIn(payload as LivePayload<typeof LIVE.speakersChanged>);
      if (now === floorBefore) return null;
      return now ? t('a11y:floor', { delegation: now }) : t('a11y:floorCleared');
    }
    default:
      return null;
  }
}
