import { Injectable } from '@nestjs/common';
import { CreateReservationRequest, LIVE_EVENTS, ReservationView } from '@omnibus/shared';
import { DataSource } from 'typeorm';
import { requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { ReservationsRepository, reservationView } from './reservations.repository';

/** A delegation's reservation to an approved paragraph: a footnote in its own name in the exports. */
@Injectable()
export class ReservationsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly paragraphs: ParagraphsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly audit: AuditService,
    private readonly events: DraftEvents,
    private readonly live: LiveBroadcaster,
  ) {}

  async create(actor: Actor, paragraphId: string, body: CreateReservationRequest): Promise<ReservationView> {
    const [view, draftId] = await this.db.transaction(async (m) => {
      // Locked so an approval being reversed (a restore) cannot interleave with the footnote.
      const p = await this.paragraphs.lock(m, paragraphId);
      const draft = p ? await this.drafts.find(p.draftId, m) : null;
      if (!p || !draft || draft.committeeId !== actor.committeeId) throw notFound('paragraph', paragraphId);
      requireAccess(actor, { action: 'reservation.create', committeeId: draft.committeeId });
      if (p.status !== 'approved') {
        throw new AppError('invalid_state', `Paragraph ${p.label} is ${p.status}; a reservation is recorded once the paragraph is approved.`, { status: p.status });
      }
      const id = await this.reservations.insert(m, {
        draftId: p.draftId,
        paragraphId: p.id,
        delegationId: actor.delegationId as string,
        text: body.text,
        createdBy: actor.userId,
      });
      if (id === null) throw new AppError('conflict', `${actor.delegationCode ?? 'Your delegation'} has already recorded a reservation to paragraph ${p.label}.`);
      const view = (await this.reservations.forParagraph(m, p.id)).map(reservationView).find((r) => r.id === id);
      if (!view) throw notFound('reservation', id);
      await this.audit.record(m, actor, { action: 'reservation.create', targetType: 'paragraph', targetId: p.id, draftId: p.draftId, after: view });
      return [view, p.draftId] as const;
    });
    this.events.emit({ type: 'paragraph.changed', draftId, paragraphId, action: 'reservation.create', actor });
    this.live.emit(draftId, LIVE_EVENTS.reservationAdded, view);
    return view;
  }

  async forParagraph(actor: Actor, paragraphId: string): Promise<ReservationView[]> {
    const m = this.db.manager;
    const p = await this.paragraphs.find(m, paragraphId);
    const draft = p ? await this.drafts.find(p.draftId, m) : null;
    if (!p || !draft || draft.committeeId !== actor.committeeId) throw notFound('paragraph', paragraphId);
    return (await this.reservations.forParagraph(m, paragraphId)).map(reservationView);
  }

  async forDraft(actor: Actor, draftId: string): Promise<ReservationView[]> {
    const draft = await this.drafts.find(draftId);
    if (!draft || draft.committeeId !== actor.committeeId) throw notFound('draft', draftId);
    return (await this.reservations.forDraft(this.db.manager, draftId)).map(reservationView);
  }
}
