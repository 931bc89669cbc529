import { Injectable } from '@nestjs/common';
import {
  CapsConfig,
  CreateDraftRequest,
  DEFAULT_CAPS,
  DraftSummary,
  DraftView,
  capsConfigSchema,
  evaluateCaps,
  validateCapsConfig,
} from '@omnibus/shared';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { DraftEvents } from '../events/draft-events';
import { AppError, notFound } from '../common/app-error';
import { createDraftWithSections } from './draft-factory';
import { buildDraftView } from './draft-view.builder';
import { DraftRow, DraftsRepository } from './drafts.repository';

const toSummary = (d: DraftRow): DraftSummary => ({
  id: d.id,
  committeeId: d.committeeId,
  title: d.title,
  symbol: d.symbol,
  createdAt: d.createdAt.toISOString(),
});

@Injectable()
export class DraftsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly audit: AuditService,
    private readonly events: DraftEvents,
  ) {}

  async list(actor: Actor): Promise<DraftSummary[]> {
    return (await this.drafts.listForCommittee(actor.committeeId)).map(toSummary);
  }

  async get(actor: Actor, draftId: string): Promise<DraftView> {
    const contents = await this.drafts.contents(draftId);
    if (!contents || !canRead(actor, contents.draft)) throw notFound('draft', draftId);
    requireAccess(actor, { action: 'committee.read', committeeId: contents.draft.committeeId });
    return buildDraftView(contents);
  }

  async create(actor: Actor, body: CreateDraftRequest): Promise<DraftView> {
    requireAccess(actor, { action: 'draft.create', committeeId: actor.committeeId });
    const caps = this.checkedCaps({ ...DEFAULT_CAPS, ...stripUndefined(body.caps ?? {}) });
    const id = await this.db.transaction(async (m) => {
      const draftId = await createDraftWithSections(m, actor.committeeId, { title: body.title, symbol: body.symbol, caps });
      await this.audit.record(m, actor, { action: 'draft.create', targetType: 'draft', targetId: draftId, draftId, after: { ...body, caps } });
      return draftId;
    });
    this.events.emit({ type: 'draft.changed', draftId: id, action: 'draft.create', actor });
    return this.get(actor, id);
  }

  /** Changing caps never strands the draft: a limit below what is already in play is refused. */
  async updateCaps(actor: Actor, draftId: string, changes: Partial<CapsConfig>): Promise<DraftView> {
    await this.db.transaction(async (m) => {
      const draft = await this.drafts.lock(m, draftId);
      if (!canRead(actor, draft)) throw notFound('draft', draftId);
      requireAccess(actor, { action: 'draft.configure', committeeId: draft.committeeId });
      const caps = this.checkedCaps({ ...draft.caps, ...stripUndefined(changes) });
      const usage = evaluateCaps(caps, await this.drafts.sections(draftId, m), await this.drafts.paragraphs(draftId, m));
      const previous = evaluateCaps(draft.caps, await this.drafts.sections(draftId, m), await this.drafts.paragraphs(draftId, m));
      const stranded = usage.filter((c, i) => c.used > c.limit && c.limit < (previous[i]?.limit ?? 0));
      if (stranded.length > 0) {
        const first = stranded[0]!;
        throw new AppError(
          'cap_exceeded',
          `The new limit of ${first.limit} for ${first.scope} "${first.key}" is below the ${first.used} paragraphs already in play there.`,
          { scope: first.scope, key: first.key, limit: first.limit, used: first.used, all: stranded },
        );
      }
      await this.drafts.updateCaps(m, draftId, caps);
      await this.audit.record(m, actor, { action: 'draft.caps', targetType: 'draft', targetId: draftId, draftId, before: draft.caps, after: caps });
    });
    this.events.emit({ type: 'draft.changed', draftId, action: 'draft.caps', actor });
    return this.get(actor, draftId);
  }

  private checkedCaps(caps: CapsConfig): CapsConfig {
    const parsed = capsConfigSchema.safeParse(caps);
    const problems = parsed.success ? validateCapsConfig(parsed.data) : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    if (problems.length > 0) {
      throw new AppError('validation_failed', `The caps are not valid (${problems[0]}).`, {
        issues: problems.map((message) => ({ path: 'caps', message })),
      });
    }
    return caps;
  }
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export type CapsPatch = z.infer<typeof capsConfigSchema>;
