import { Injectable } from '@nestjs/common';
import { ConsultationView, LIVE_EVENTS, UpdateConsultationRequest } from '@omnibus/shared';
import { DataSource } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DraftsRepository } from '../drafts/drafts.repository';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { ConsultationsRepository, consultationView } from './consultations.repository';

/** Informal consultations on held paragraphs: who leads them and how far they have come. */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly consultations: ConsultationsRepository,
    private readonly audit: AuditService,
    private readonly live: LiveBroadcaster,
  ) {}

  async list(actor: Actor, draftId: string): Promise<ConsultationView[]> {
    const draft = await this.drafts.find(draftId);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    return (await this.consultations.list(this.db.manager, draftId)).map(consultationView);
  }

  /** The lead delegation (or the chair) reports: consultations still under way, or ready to return. */
  async report(actor: Actor, consultationId: string, body: UpdateConsultationRequest): Promise<ConsultationView> {
    const [view, draftId] = await this.db.transaction(async (m) => {
      const c = await this.consultations.find(m, consultationId, true);
      const draft = c ? await this.drafts.find(c.draftId, m) : null;
      if (!c || !canRead(actor, draft)) throw notFound('informal consultation', consultationId);
      requireAccess(actor, { action: 'consultation.report', committeeId: draft.committeeId, leadDelegationId: c.leadDelegationId });
      if (c.status === 'concluded' || c.status === 'returned') {
        throw new AppError('invalid_state', `These consultations are ${c.status === 'returned' ? 'back before the committee' : 'concluded'}; there is nothing left to report.`);
      }
      const before = consultationView(c);
      await this.consultations.setStatus(m, c.id, body.status, body.note === undefined ? {} : { note: body.note });
      const updated = await this.consultations.find(m, c.id);
      if (!updated) throw notFound('informal consultation', consultationId);
      const after = consultationView(updated);
      await this.audit.record(m, actor, { action: 'consultation.report', targetType: 'consultation', targetId: c.id, draftId: draft.id, before, after });
      return [after, draft.id] as const;
    });
    this.live.emit(draftId, LIVE_EVENTS.consultationChanged, view);
    return view;
  }
}
