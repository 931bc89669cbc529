import { Injectable } from '@nestjs/common';
import {
  CapUsage,
  CreateParagraphRequest,
  Literal,
  MoveParagraphRequest,
  ParagraphKind,
  ParagraphView,
  UpdateParagraphRequest,
  checkFit,
  compareLabels,
  describeCap,
  isInPlay,
  labelBetween,
  normalizeLabel,
} from '@omnibus/shared';
import { retryTransaction } from '../database/transaction-retry';
import { DataSource, EntityManager } from 'typeorm';
import { MUTABLE_STATUSES, canRead, readable, requireAccess, withParagraphActions } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { buildParagraphView } from '../drafts/draft-view.builder';
import { DraftEvents } from '../events/draft-events';
import { DraftRow, DraftsRepository, SectionRow } from '../drafts/drafts.repository';
import { SponsorResolver } from '../sponsorships/sponsor-resolver';
import { SponsorshipsRepository } from '../sponsorships/sponsorships.repository';
import { CommentWindowService } from '../workflow/comment-window.service';
import { LockedParagraph, ParagraphsRepository } from './paragraphs.repository';

const KIND_NAMES: Record<ParagraphKind, string> = {
  preambular: 'preambular',
  substantive: 'substantive',
  mandates: 'mandates',
  reaffirming: 'reaffirming',
  follow_up: 'follow-up',
};

export function capExceeded(cap: CapUsage): AppError {
  return new AppError(
    'cap_exceeded',
    `${capitalise(describeCap(cap))} is reached: ${cap.used} in play, limit ${cap.limit}. Delete, withdraw or merge a paragraph there first, or ask the chair to raise the cap.`,
    { scope: cap.scope, key: cap.key, limit: cap.limit, used: cap.used },
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The items under each key, in their order; items without a key are dropped. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function literalsFrom(input: readonly { label?: string | undefined; text: string }[]): Literal[] {
  return input.map((l, i) => ({ label: l.label ?? String.fromCharCode(97 + i), text: l.text }));
}

/** Adding, editing, moving, deleting, restoring and withdrawing paragraphs, each in one transaction. */
@Injectable()
export class ParagraphsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly paragraphs: ParagraphsRepository,
    private readonly sponsorships: SponsorshipsRepository,
    private readonly sponsors: SponsorResolver,
    private readonly audit: AuditService,
    private readonly events: DraftEvents,
    private readonly commentWindow: CommentWindowService,
  ) {}

  private changed(view: ParagraphView, draftId: string, action: string, actor: Actor): ParagraphView {
    this.events.emit({ type: 'paragraph.changed', draftId, paragraphId: view.id, action, actor });
    return view;
  }

  async create(actor: Actor, draftId: string, body: CreateParagraphRequest): Promise<ParagraphView> {
    const view = await retryTransaction(this.db, async (m) => {
      const draft = await this.lockDraft(m, actor, draftId);
      requireAccess(actor, { action: 'paragraph.create', committeeId: draft.committeeId });
      await this.commentWindow.assertOpen(m, actor, draftId, 'paragraph');
      const sections = await this.drafts.sections(draftId, m);
      const section = this.sectionIn(sections, body.sectionId);
      if (body.kind !== 'mandates' && body.literals !== undefined) {
        throw new AppError('validation_failed', 'Only a mandates paragraph has literals (a., b., …).', {
          issues: [{ path: 'literals', message: 'only for kind "mandates"' }],
        });
      }
      // Input problems (a bad or taken label) are reported before the state of the caps.
      const label = await this.chooseLabel(m, actor, section, body.afterParagraphId ?? undefined, body.label);
      const all = await this.drafts.paragraphs(draftId, m);
      this.assertFits(draft, sections, all, section, body.kind);
      const isDelegate = actor.role === 'delegate';
      if (!isDelegate && (body.sponsors?.length || body.cosponsors?.length)) {
        throw new AppError('validation_failed', 'Only delegations sponsor paragraphs; the Chair\'s text has no sponsors.', {
          issues: [{ path: 'sponsors', message: 'only delegates may name sponsors' }],
        });
      }
      const resolved = isDelegate ? await this.sponsors.resolve(m, actor, body.sponsors, body.cosponsors) : null;
      const id = await this.paragraphs.insert(m, {
        draftId,
        sectionId: section.id,
        kind: body.kind,
        label,
        origin: isDelegate ? 'delegation' : 'chair',
        text: body.text,
        literals: body.kind === 'mandates' ? literalsFrom(body.literals ?? []) : null,
        proposerDelegationId: resolved?.proposer.id ?? null,
        createdBy: actor.userId,
      });
      if (resolved) {
        await this.sponsorships.insert(m, {
          draftId,
          target: { paragraphId: id },
          delegationId: resolved.proposer.id,
          status: 'accepted',
          position: 0,
          invitedBy: actor.userId,
        });
        for (const [i, d] of resolved.invitees.entries()) {
          await this.sponsorships.insert(m, {
            draftId,
            target: { paragraphId: id },
            delegationId: d.id,
            status: 'invited',
            position: i + 1,
            invitedBy: actor.userId,
          });
        }
      }
      await this.drafts.touch(m, draftId);
      const view = await this.view(m, id);
      await this.audit.record(m, actor, { action: 'paragraph.create', targetType: 'paragraph', targetId: id, draftId, after: view });
      return view;
    });
    return this.changed(view, draftId, 'paragraph.create', actor);
  }

  async update(actor: Actor, paragraphId: string, body: UpdateParagraphRequest): Promise<ParagraphView> {
    const [view, draftId] = await retryTransaction(this.db, async (m) => {
      const p = await this.lockParagraph(m, actor, paragraphId);
      const sponsorIds = (await this.sponsorships.forTarget(m, { paragraphId }))
        .filter((s) => s.status === 'accepted')
        .map((s) => s.delegationId);
      requireAccess(actor, { action: 'paragraph.edit', committeeId: actor.committeeId, origin: p.origin, sponsorDelegationIds: sponsorIds });
      this.assertMutable(p);
      if (body.version !== undefined && body.version !== p.version) {
        throw new AppError('conflict', `Paragraph ${p.label} was changed by someone else (now version ${p.version}). Reload it and apply your change again.`, {
          currentVersion: p.version,
        });
      }
      if (body.literals !== undefined && p.kind !== 'mandates') {
        throw new AppError('validation_failed', 'Only a mandates paragraph has literals (a., b., …).', {
          issues: [{ path: 'literals', message: 'only for kind "mandates"' }],
        });
      }
      if (body.text !== undefined && body.text !== p.text && (await this.paragraphs.openAmendmentCount(m, p.id)) > 0) {
        throw new AppError(
          'invalid_state',
          `Paragraph ${p.label} has open amendments that point into its text; its text changes only when the chair records a decision on them.`,
        );
      }
      const before = await this.view(m, p.id);
      const changes: { text?: string; literals?: Literal[] } = {};
      if (body.text !== undefined) changes.text = body.text;
      if (body.literals !== undefined) changes.literals = literalsFrom(body.literals);
      await this.paragraphs.update(m, p.id, changes);
      await this.drafts.touch(m, p.draftId);
      const after = await this.view(m, p.id);
      await this.audit.record(m, actor, { action: 'paragraph.update', targetType: 'paragraph', targetId: p.id, draftId: p.draftId, before, after });
      return [after, p.draftId] as const;
    });
    return this.changed(view, draftId, 'paragraph.update', actor);
  }

  /** The chair's deletion: the paragraph stays in the record with status deleted and stops counting against caps. */
  async delete(actor: Actor, paragraphId: string): Promise<ParagraphView> {
    return this.changeStatus(actor, paragraphId, 'delete');
  }

  async withdraw(actor: Actor, paragraphId: string): Promise<ParagraphView> {
    return this.changeStatus(actor, paragraphId, 'withdraw');
  }

  /** Bringing a deleted or withdrawn paragraph back into play counts it against the caps again. */
  async restore(actor: Actor, paragraphId: string): Promise<ParagraphView> {
    return this.changeStatus(actor, paragraphId, 'restore');
  }

  private async changeStatus(actor: Actor, paragraphId: string, op: 'delete' | 'withdraw' | 'restore'): Promise<ParagraphView> {
    const [view, draftId] = await retryTransaction(this.db, async (m) => {
      const found = await this.paragraphs.find(m, paragraphId);
      if (!found || found.draftId === undefined) throw notFound('paragraph', paragraphId);
      // Caps are counted under the draft lock; take it before the paragraph's to keep one lock order.
      const draft = await this.lockDraft(m, actor, found.draftId);
      const p = await this.lockParagraph(m, actor, paragraphId);
      if (op === 'withdraw') {
        requireAccess(actor, { action: 'paragraph.withdraw', committeeId: draft.committeeId, proposerDelegationId: p.proposerDelegationId });
        if (p.origin !== 'delegation') throw new AppError('invalid_state', 'Only a paragraph proposed by a delegation can be withdrawn.');
        this.assertMutable(p);
      } else {
        requireAccess(actor, { action: 'paragraph.decide', committeeId: draft.committeeId });
        if (op === 'delete' && !isInPlay(p.status)) {
          throw new AppError('invalid_state', `Paragraph ${p.label} is already ${p.status}.`);
        }
        if (op === 'restore') {
          if (isInPlay(p.status)) throw new AppError('invalid_state', `Paragraph ${p.label} is in play already (${p.status}).`);
          const sections = await this.drafts.sections(p.draftId, m);
          const all = await this.drafts.paragraphs(p.draftId, m);
          this.assertFits(draft, sections, all, this.sectionIn(sections, p.sectionId), p.kind, p.id);
        }
      }
      const before = await this.view(m, p.id);
      const status = op === 'delete' ? 'deleted' : op === 'withdraw' ? 'withdrawn' : 'pending';
      await this.paragraphs.update(m, p.id, { status });
      await this.drafts.touch(m, p.draftId);
      const after = await this.view(m, p.id);
      await this.audit.record(m, actor, { action: `paragraph.${op}`, targetType: 'paragraph', targetId: p.id, draftId: p.draftId, before, after });
      return [after, p.draftId] as const;
    });
    return this.changed(view, draftId, `paragraph.${op}`, actor);
  }

  async move(actor: Actor, paragraphId: string, body: MoveParagraphRequest): Promise<ParagraphView> {
    const [view, draftId] = await retryTransaction(this.db, async (m) => {
      const found = await this.paragraphs.find(m, paragraphId);
      if (!found) throw notFound('paragraph', paragraphId);
      const draft = await this.lockDraft(m, actor, found.draftId);
      requireAccess(actor, { action: 'paragraph.move', committeeId: draft.committeeId });
      const p = await this.lockParagraph(m, actor, paragraphId);
      const sections = await this.drafts.sections(p.draftId, m);
      const target = this.sectionIn(sections, body.sectionId);
      if (isInPlay(p.status)) {
        const all = await this.drafts.paragraphs(p.draftId, m);
        this.assertFits(draft, sections, all, target, p.kind, p.id);
      }
      const before = await this.view(m, p.id);
      const label = await this.chooseLabel(m, actor, target, body.afterParagraphId ?? undefined, undefined, p.id);
      await this.paragraphs.update(m, p.id, { sectionId: target.id, label });
      await this.drafts.touch(m, p.draftId);
      const after = await this.view(m, p.id);
      await this.audit.record(m, actor, { action: 'paragraph.move', targetType: 'paragraph', targetId: p.id, draftId: p.draftId, before, after });
      return [after, p.draftId] as const;
    });
    return this.changed(view, draftId, 'paragraph.move', actor);
  }

  /** The paragraph as `actor` sees it, with what they may do with it and its amendments. */
  async get(actor: Actor, paragraphId: string): Promise<ParagraphView> {
    const m = this.db.manager;
    const p = await this.paragraphs.find(m, paragraphId);
    if (!p) throw notFound('paragraph', paragraphId);
    const draft = readable(actor, await this.drafts.find(p.draftId, m), 'paragraph', paragraphId);
    return withParagraphActions(actor, draft.committeeId, await this.view(m, paragraphId));
  }

  /**
   * Paragraphs of one draft as `actor` sees them, each exactly as `get` answers it, in the order of
   * `ids` (distinct). An id that is not a paragraph of this draft is left out. Five statements
   * whatever the number of ids: the draft, the paragraphs and what `views` reads for them.
   */
  async getMany(actor: Actor, draftId: string, ids: readonly string[]): Promise<ParagraphView[]> {
    const m = this.db.manager;
    const draft = readable(actor, await this.drafts.find(draftId, m), 'draft', draftId);
    const views = await this.views(m, await this.paragraphs.findInDraft(m, draftId, ids));
    return ids.flatMap((id) => {
      const view = views.get(id);
      return view ? [withParagraphActions(actor, draft.committeeId, view)] : [];
    });
  }

  /** The paragraph as the API shows it, read inside the caller's transaction. */
  async view(m: EntityManager, paragraphId: string): Promise<ParagraphView> {
    const p = await this.paragraphs.find(m, paragraphId);
    if (!p) throw notFound('paragraph', paragraphId);
    return (await this.views(m, [p])).get(p.id)!;
  }

  /**
   * The API's views of these paragraphs, by id: their amendments, their sponsorships and the labels
   * of their sections (for each one's position) in three statements, whatever their number. One
   * after another: inside a transaction all queries share one connection.
   */
  private async views(m: EntityManager, rows: readonly LockedParagraph[]): Promise<Map<string, ParagraphView>> {
    if (rows.length === 0) return new Map();
    const ids = rows.map((p) => p.id);
    const amendments = await this.paragraphs.amendmentsOfParagraphs(m, ids);
    const sponsorships = await this.paragraphs.sponsorshipsOfParagraphs(m, ids);
    const labels = await this.paragraphs.labelsInSections(m, [...new Set(rows.map((p) => p.sectionId))]);
    // Each paragraph's share of the rows, so building the views stays linear in them.
    const paragraphOf = new Map(amendments.map((a) => [a.id, a.paragraphId]));
    const amendmentsBy = groupBy(amendments, (a) => a.paragraphId);
    const sponsorshipsBy = groupBy(sponsorships, (s) => s.paragraphId ?? (s.amendmentId === null ? undefined : paragraphOf.get(s.amendmentId)));
    const labelsBy = groupBy(labels, (l) => l.sectionId);
    return new Map(
      rows.map((p) => {
        const position = (labelsBy.get(p.sectionId) ?? []).filter((s) => compareLabels(s.label, p.label) < 0).length;
        return [p.id, buildParagraphView(p, position, amendmentsBy.get(p.id) ?? [], sponsorshipsBy.get(p.id) ?? [])];
      }),
    );
  }

  private async lockDraft(m: EntityManager, actor: Actor, draftId: string): Promise<DraftRow> {
    return readable(actor, await this.drafts.lock(m, draftId), 'draft', draftId);
  }

  private async lockParagraph(m: EntityManager, actor: Actor, paragraphId: string): Promise<LockedParagraph> {
    const p = await this.paragraphs.lock(m, paragraphId);
    if (!p) throw notFound('paragraph', paragraphId);
    if (!canRead(actor, await this.drafts.find(p.draftId, m))) throw notFound('paragraph', paragraphId);
    return p;
  }

  private sectionIn(sections: readonly SectionRow[], sectionId: string): SectionRow {
    const section = sections.find((s) => s.id === sectionId);
    if (!section) throw notFound('section in this draft', sectionId);
    return section;
  }

  private assertMutable(p: LockedParagraph): void {
    if (!MUTABLE_STATUSES.includes(p.status)) {
      throw new AppError('invalid_state', `Paragraph ${p.label} is ${p.status}; it can no longer be changed.`, { status: p.status });
    }
  }

  private assertFits(
    draft: DraftRow,
    sections: readonly SectionRow[],
    all: readonly { id: string; sectionId: string; kind: ParagraphKind; status: LockedParagraph['status'] }[],
    section: SectionRow,
    kind: ParagraphKind,
    excludeParagraphId?: string,
  ): void {
    const proposal = excludeParagraphId ? { sectionId: section.id, kind, excludeParagraphId } : { sectionId: section.id, kind };
    const fit = checkFit(draft.caps, sections, all, proposal);
    if (fit.fits) return;
    switch (fit.reason) {
      case 'cap_exceeded':
        throw capExceeded(fit.cap);
      case 'kind_not_allowed':
        throw new AppError(
          'kind_not_allowed',
          `A ${KIND_NAMES[kind]} paragraph cannot go in "${section.title}"; that section takes ${fit.allowed
            .map((k) => KIND_NAMES[k])
            .join(' or ')} paragraphs.`,
          { sectionKind: section.kind, kind, allowed: fit.allowed },
        );
      case 'unknown_section':
        throw notFound('section in this draft', section.id);
      default: {
        const unreachable: never = fit;
        throw new Error(`unhandled fit ${String(unreachable)}`);
      }
    }
  }

  /** The label for a paragraph placed after `afterId` in `section` (at the end when absent). */
  private async chooseLabel(
    m: EntityManager,
    actor: Actor,
    section: SectionRow,
    afterId: string | null | undefined,
    explicit: string | undefined,
    movingId?: string,
  ): Promise<string> {
    const siblings = (await this.paragraphs.labelsInSection(m, section.id))
      .filter((s) => s.id !== movingId)
      .sort((a, b) => compareLabels(a.label, b.label));
    const taken = siblings.map((s) => s.label);
    if (explicit !== undefined) {
      // The draft was read under the actor's committee already.
      requireAccess(actor, { action: 'paragraph.label', committeeId: actor.committeeId });
      const label = normalizeLabel(explicit);
      if (label === null) {
        throw new AppError('validation_failed', `"${explicit}" is not a paragraph label; use a number with optional bis, ter … such as "5 bis".`, {
          issues: [{ path: 'label', message: 'not a paragraph label' }],
        });
      }
      if (taken.includes(label)) {
        throw new AppError('label_taken', `Paragraph ${label} already exists in "${section.title}". Choose another label or leave it out to get the next free one.`, {
          label,
          sectionId: section.id,
        });
      }
      return label;
    }
    if (afterId === null || afterId === undefined) {
      return labelBetween(siblings.at(-1)?.label ?? null, null, taken);
    }
    const index = siblings.findIndex((s) => s.id === afterId);
    if (index < 0) {
      throw new AppError('validation_failed', `afterParagraphId "${afterId}" is not a paragraph of "${section.title}".`, {
        issues: [{ path: 'afterParagraphId', message: 'not in the target section' }],
      });
    }
    return labelBetween(siblings[index]?.label ?? null, siblings[index + 1]?.label ?? null, taken);
  }
}
