import { Injectable } from '@nestjs/common';
import type { DraftLanguages, LanguageCode, UpdateCommitteeLanguagesRequest, UpdateDraftLanguageRequest } from '@omnibus/shared';
import { DataSource } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { TranslationsRepository } from './translations.repository';
import { draftLanguages, languageName } from './translation-state';

/** The setting of a committee's official languages (the OAS's four by default, the UN's six, …). */
@Injectable()
export class CommitteeLanguagesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: TranslationsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, committeeId: string): Promise<{ committeeId: string; official: LanguageCode[] }> {
    if (!canRead(actor, { committeeId })) throw notFound('committee', committeeId);
    requireAccess(actor, { action: 'committee.read', committeeId });
    const official = await this.repo.committeeLanguages(committeeId);
    if (!official) throw notFound('committee', committeeId);
    return { committeeId, official };
  }

  /** A draft's original language always stays official: dropping it is refused, naming the drafts. */
  async set(actor: Actor, committeeId: string, body: UpdateCommitteeLanguagesRequest): Promise<{ committeeId: string; official: LanguageCode[] }> {
    if (!canRead(actor, { committeeId })) throw notFound('committee', committeeId);
    requireAccess(actor, { action: 'committee.languages', committeeId });
    await this.db.transaction(async (m) => {
      const before = await this.repo.committeeLanguages(committeeId, m);
      if (!before) throw notFound('committee', committeeId);
      const stranded = await this.repo.originalsOutside(m, committeeId, body.official);
      if (stranded.length > 0) {
        throw new AppError(
          'validation_failed',
          `Draft ${stranded[0]!.symbol} is written in ${stranded[0]!.original}, which must stay an official language of the committee.`,
          { issues: [{ path: 'official', message: `must include ${[...new Set(stranded.map((s) => s.original))].join(', ')}` }], drafts: stranded },
        );
      }
      await this.repo.setCommitteeLanguages(m, committeeId, body.official);
      await this.audit.record(m, actor, { action: 'committee.languages', targetType: 'committee', targetId: committeeId, draftId: null, before: { official: before }, after: body });
    });
    return this.get(actor, committeeId);
  }

  /**
   * The language a draft is negotiated in. Set before translating: once translations exist they
   * translate from the original as it is, and changing it would make every one of them wrong.
   */
  async setDraftOriginal(actor: Actor, draftId: string, body: UpdateDraftLanguageRequest): Promise<DraftLanguages> {
    return this.db.transaction(async (m) => {
      const row = await this.repo.lockDraftLanguages(m, draftId);
      if (!canRead(actor, row)) throw notFound('draft', draftId);
      requireAccess(actor, { action: 'committee.languages', committeeId: row.committeeId });
      if (!row.official.includes(body.original)) {
        throw new AppError('language_not_official', `${languageName(body.original)} is not an official language of this committee (${row.official.join(', ')}).`, {
          lang: body.original,
          official: row.official,
        });
      }
      if (body.original !== row.original && (await this.repo.draftHasTranslations(draftId, m))) {
        throw new AppError(
          'invalid_state',
          `This draft already has translations made from its ${languageName(row.original)} original; its original language can no longer change.`,
          { original: row.original },
        );
      }
      await this.repo.setDraftOriginal(m, draftId, body.original);
      await this.audit.record(m, actor, { action: 'draft.language', targetType: 'draft', targetId: draftId, draftId, before: { original: row.original }, after: body });
      return draftLanguages({ ...row, original: body.original });
    });
  }
}
