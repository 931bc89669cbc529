import { Injectable } from '@nestjs/common';
import type { ParagraphStatus } from '@omnibus/shared';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { ConsultationsRepository } from '../consultations/consultations.repository';
import { LockedParagraph, ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { applyAmendments } from './agreed-text';
import { OpenAmendment, SettlementRepository } from './settlement.repository';

export interface Settled {
  /** Amendments whose status changed, for the events told after commit. */
  amendmentIds: string[];
  /** The consultation concluded by this decision, if one was under way. */
  consultationId: string | null;
}

/**
 * What a decision does to a paragraph, whether the room takes it in a session or silence adopts
 * it: the paragraph's status (and, approved as amended, its text) and the fate of its open
 * amendments. "A bracket disappears only when the chair records agreement": approval settles
 * every open amendment, accepted when the agreed text takes it up, rejected otherwise.
 */
@Injectable()
export class ParagraphSettlement {
  constructor(
    private readonly paragraphs: ParagraphsRepository,
    private readonly settlement: SettlementRepository,
    private readonly consultations: ConsultationsRepository,
  ) {}

  openAmendments(m: EntityManager, paragraphId: string): Promise<OpenAmendment[]> {
    return this.settlement.openAmendments(m, paragraphId);
  }

  /** The agreed text: as stated, or the paragraph's text with the accepted amendments written in. */
  agreedText(p: LockedParagraph, open: readonly OpenAmendment[], stated: string | undefined, acceptedIds: readonly string[]): string {
    const unknown = acceptedIds.filter((id) => !open.some((a) => a.id === id));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', `Paragraph ${p.label} has no open amendment ${unknown[0]}; accept only amendments proposed to it and still open.`, {
        issues: [{ path: 'acceptedAmendmentIds', message: `not an open amendment of paragraph ${p.label}` }],
      });
    }
    if (stated !== undefined) return stated;
    const applied = applyAmendments(
      p.text,
      open.filter((a) => acceptedIds.includes(a.id)),
      open.filter((a) => !acceptedIds.includes(a.id)),
    );
    if (!applied.ok) {
      throw new AppError('validation_failed', `The agreed text cannot be derived: ${applied.reason}. State the agreed text instead.`, {
        issues: [{ path: 'acceptedAmendmentIds', message: applied.reason }],
      });
    }
    return applied.text;
  }

  async approve(m: EntityManager, p: LockedParagraph, text: string, acceptedIds: readonly string[]): Promise<Settled> {
    const amendmentIds = await this.settlement.settle(m, p.id, acceptedIds);
    await this.paragraphs.update(m, p.id, text === p.text ? { status: 'approved' } : { status: 'approved', text });
    return { amendmentIds, consultationId: await this.conclude(m, p.id) };
  }

  /** Deferred and held leave the brackets as they are; deleted rejects what was proposed to the paragraph. */
  async setStatus(m: EntityManager, p: LockedParagraph, status: Extract<ParagraphStatus, 'deferred' | 'held' | 'deleted'>): Promise<Settled> {
    const amendmentIds = status === 'deleted' ? await this.settlement.settle(m, p.id, []) : [];
    await this.paragraphs.update(m, p.id, { status });
    // A deferred paragraph's consultations go on; a deleted one's have nothing left to settle.
    return { amendmentIds, consultationId: status === 'deleted' ? await this.conclude(m, p.id) : null };
  }

  private async conclude(m: EntityManager, paragraphId: string): Promise<string | null> {
    const active = await this.consultations.activeFor(m, paragraphId);
    if (!active) return null;
    await this.consultations.setStatus(m, active.id, 'concluded');
    return active.id;
  }
}
