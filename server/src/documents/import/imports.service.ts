import { Injectable } from '@nestjs/common';
import { ImportQuery, ImportedText, importText } from '@omnibus/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../../access/access.policy';
import type { Actor } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { AppError, notFound } from '../../common/app-error';
import { DraftRow, DraftsRepository } from '../../drafts/drafts.repository';
import { DraftEvents } from '../../events/draft-events';
import { ParagraphsRepository } from '../../paragraphs/paragraphs.repository';
import { readDocx } from './docx-reader';
import { planImport } from './import-plan';
import type { ImportPlan, PlanTarget, PlannedParagraph } from './import-plan.types';
import { ImportVerdict, refusal, verdict } from './import-verdict';
import { DelegationRef, ImportsRepository } from './imports.repository';
import { Upload, decodeText } from './upload';

export interface ImportPreview extends ImportPlan {
  /** Footnotes of a DOCX (reservations, in the platform's exports); they are not imported. */
  footnotes: string[];
  verdict: ImportVerdict;
}

export interface ImportResult {
  paragraphs: { id: string; sectionKey: string; label: string }[];
  amendments: number;
  overCap: number;
  problems: ImportPlan['problems'];
}

interface Parsed {
  text: ImportedText;
  footnotes: string[];
}

/**
 * Imports a Chair's draft or an entity's proposal: a preview that writes nothing, and a commit
 * that writes exactly the previewed plan in one transaction, with the draft locked so the caps it
 * checked are the caps it writes against.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly paragraphs: ParagraphsRepository,
    private readonly imports: ImportsRepository,
    private readonly audit: AuditService,
    private readonly events: DraftEvents,
  ) {}

  async preview(actor: Actor, draftId: string, read: () => Promise<Upload>, q: ImportQuery): Promise<ImportPreview> {
    const draft = await this.importable(actor, await this.drafts.find(draftId), draftId);
    this.checkOptions(q);
    const parsed = await this.parse(await read());
    const plan = planImport(parsed.text, await this.target(this.db.manager, draft), { source: q.source, sections: q.sections ?? [] });
    return { ...plan, footnotes: parsed.footnotes, verdict: verdict(plan, q.acceptOverCap) };
  }

  async commit(actor: Actor, draftId: string, read: () => Promise<Upload>, q: ImportQuery): Promise<ImportResult> {
    await this.importable(actor, await this.drafts.find(draftId), draftId);
    this.checkOptions(q);
    // Unpacking and parsing happen before the transaction, which then holds the draft's lock only to plan and write.
    const parsed = await this.parse(await read());
    const result = await this.db.transaction(async (m) => {
      const draft = await this.importable(actor, await this.drafts.lock(m, draftId), draftId);
      const target = await this.target(m, draft);
      const plan = planImport(parsed.text, target, { source: q.source, sections: q.sections ?? [] });
      const refused = refusal(plan, q.acceptOverCap);
      if (refused) throw refused;
      const written = await this.write(m, actor, draftId, plan, target.delegations);
      await this.drafts.touch(m, draftId);
      const over = plan.paragraphs.filter((p) => !p.fits);
      await this.audit.record(m, actor, {
        action: 'draft.import',
        targetType: 'draft',
        targetId: draftId,
        draftId,
        after: {
          source: q.source,
          title: plan.title,
          symbol: plan.symbol,
          formula: plan.formula,
          resolvingFormula: plan.resolvingFormula,
          adoption: plan.adoption,
          metadata: plan.metadata,
          words: plan.words,
          view: plan.view,
          paragraphs: written.map((w) => w.id),
          amendments: plan.summary.amendments,
          // An accepted over-cap import stays visible in the history, paragraph by paragraph.
          overCap: over.map((p) => ({ sectionKey: p.sectionKey, label: p.label, cap: p.cap })),
          problems: plan.problems,
        },
      });
      return { paragraphs: written, amendments: plan.summary.amendments, overCap: over.length, problems: plan.problems };
    });
    for (const p of result.paragraphs) this.events.emit({ type: 'paragraph.changed', draftId, paragraphId: p.id, action: 'paragraph.import', actor });
    this.events.emit({ type: 'draft.changed', draftId, action: 'draft.import', actor });
    return result;
  }

  private async write(m: EntityManager, actor: Actor, draftId: string, plan: ImportPlan, delegations: DelegationRef[]) {
    const idOf = new Map(delegations.map((d) => [d.code, d.id]));
    const delegation = (code: string): string => {
      const id = idOf.get(code);
      if (!id) throw new AppError('validation_failed', `"${code}" is not a delegation of this committee.`);
      return id;
    };
    const written: ImportResult['paragraphs'] = [];
    for (const p of plan.paragraphs) {
      const { sectionId, sectionKey, label, kind } = placed(p);
      const sponsorIds = p.sponsors.map(delegation);
      const id = await this.paragraphs.insert(m, {
        draftId,
        sectionId,
        kind,
        label,
        origin: p.origin,
        text: p.text,
        literals: kind === 'mandates' ? (p.literals ?? []) : null,
        proposerDelegationId: sponsorIds[0] ?? null,
        createdBy: actor.userId,
        status: p.status,
      });
      for (const [position, delegationId] of sponsorIds.entries()) {
        await this.imports.insertSponsorship(m, { draftId, target: { paragraphId: id }, delegationId, position, by: actor.userId });
      }
      const groups = new Map<number, string>();
      for (const a of p.amendments) {
        const ids = a.sponsors.map(delegation);
        let group: string | null = null;
        if (a.alternativeGroup !== null) {
          group = groups.get(a.alternativeGroup) ?? randomUUID();
          groups.set(a.alternativeGroup, group);
        }
        const amendmentId = await this.imports.insertAmendment(m, {
          draftId,
          paragraphId: id,
          kind: a.kind,
          start: a.start,
          end: a.end,
          text: a.text,
          alternativeGroup: group,
          alternativeNumber: a.alternativeNumber,
          proposerDelegationId: ids[0]!,
          createdBy: actor.userId,
        });
        for (const [position, delegationId] of ids.entries()) {
          await this.imports.insertSponsorship(m, { draftId, target: { amendmentId }, delegationId, position, by: actor.userId });
        }
      }
      for (const r of p.reservations) {
        await this.imports.insertReservation(m, { draftId, paragraphId: id, delegationId: delegation(r.delegation), text: r.text, by: actor.userId });
      }
      written.push({ id, sectionKey, label });
    }
    return written;
  }

  private checkOptions(q: ImportQuery): void {
    if (q.acceptOverCap && q.source !== 'entity_proposal') {
      throw new AppError(
        'validation_failed',
        'acceptOverCap is only for an entity\'s proposal (source=entity_proposal), recorded as the entity approved it; a Chair\'s draft must fit the caps.',
        { issues: [{ path: 'acceptOverCap', message: 'only with source=entity_proposal' }] },
      );
    }
  }

  private async importable(actor: Actor, draft: DraftRow | null, draftId: string): Promise<DraftRow> {
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    requireAccess(actor, { action: 'draft.import', committeeId: draft.committeeId });
    return draft;
  }

  private async parse(upload: Upload): Promise<Parsed> {
    if (upload.kind === 'text') return { text: importText(decodeText(upload.data)), footnotes: [] };
    const docx = await readDocx(upload.data);
    return { text: importText(docx.text), footnotes: docx.footnotes };
  }

  private async target(m: EntityManager, draft: DraftRow): Promise<PlanTarget & { delegations: DelegationRef[] }> {
    const sections = await this.drafts.sections(draft.id, m);
    const paragraphs = await this.drafts.paragraphs(draft.id, m);
    return {
      caps: draft.caps,
      sections: sections.map((s) => ({ id: s.id, kind: s.kind, key: s.key, title: s.title })),
      paragraphs: paragraphs.map((p) => ({ id: p.id, sectionId: p.sectionId, kind: p.kind, status: p.status, label: p.label })),
      delegations: await this.imports.delegations(m, draft.committeeId),
    };
  }
}

/** A plan that passed `refusal` has every paragraph placed; this says so to the type checker. */
function placed(p: PlannedParagraph) {
  if (p.sectionId === null || p.sectionKey === null || p.label === null || p.kind === null) {
    throw new Error(`Paragraph ${p.index} was not placed but has no error`);
  }
  return { sectionId: p.sectionId, sectionKey: p.sectionKey, label: p.label, kind: p.kind };
}
