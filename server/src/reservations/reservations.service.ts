import { Injectable } from '@nestjs/common';
import { CreateReservationRequest, LIVE_EVENTS, ReservationView } from '@omnibus/shared';
import { DataSource } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { ReservationsRepository, reservationView } from './reservations.repository';

const alreadyWithdrawn = (): AppError => new AppError('conflict', 'This reservation has already been withdrawn; record a new one if your delegation still wishes to.');

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
      if (!p || !canRead(actor, draft)) throw notFound('paragraph', paragraphId);
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

  /**
   * A delegation takes back its reservation: the row goes (so it may record a new one later), the
   * history keeps what it said, and the room hears that the draft changed.
   */
  async withdraw(actor: Actor, reservationId: string): Promise<ReservationView> {
    const [view, draftId, paragraphId] = await this.db.transaction(async (m) => {
      const found = await this.reservations.find(m, reservationId);
      if (!canRead(actor, found)) {
        if (!found && (await this.reservations.wasWithdrawn(m, reservationId, actor.committeeId))) throw alreadyWithdrawn();
        throw notFound('reservation', reservationId);
      }
      requireAccess(actor, { action: 'reservation.withdraw', committeeId: found.committeeId, delegationId: found.delegationId });
      // The paragraph's lock, as when recording one, orders a withdrawal against a racing one and against a restore.
      await this.paragraphs.lock(m, found.paragraphId);
      if (!(await this.reservations.delete(m, found.id))) throw alreadyWithdrawn();
      const view = reservationView(found);
      await this.audit.record(m, actor, { action: 'reservation.withdraw', targetType: 'reservation', targetId: found.id, draftId: found.draftId, before: view });
      return [view, found.draftId, found.paragraphId] as const;
    });
    this.events.emit({ type: 'paragraph.changed', draftId, paragraphId, action: 'reservation.withdraw', actor });
    return view;
  }

  async forParagraph(actor: Actor, paragraphId: string): Promise<ReservationView[]> {
    const m = this.db.manager;
    const p = await this.paragraphs.find(m, paragraphId);
    const draft = p ? await this.drafts.find(p.draftId, m) : null;
    if (!p || !canRead(actor, draft)) throw notFound('paragraph', paragraphId);
    return (await this.reservations.forParagraph(m, paragraphId)).map(reservationView);
  }

  async forDraft(actor: Actor, draftId: string): Promise<ReservationView[]> {
    const draft = await this.drafts.find(draftId);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    return (await this.reservations.forDraft(this.db.manager, draftId)).map(reservationView);
  }
}
