import { Injectable } from '@nestjs/common';
import {
  type ImportTranslationRequest,
  type LanguageCode,
  type TranslationChange,
  type TranslationImportPreview,
  type TranslationImportResult,
  LIVE_EVENTS,
  importText,
} from '@omnibus/shared';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { alignTranslation, type TranslationAlignment } from './translation-import';
import { normalizeSponsorConjunctions } from './translation-units';
import { TranslationsRepository } from './translations.repository';
import { draftLanguages, languageName } from './translation-state';
import { TranslationsService } from './translations.service';

/**
 * A text in an official language imported as the translation of an existing draft: previewed as
 * an alignment paragraph by paragraph, then written in one transaction only if neither the draft
 * nor the text changed since the preview.
 */
@Injectable()
export class TranslationImportService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: TranslationsRepository,
    private readonly translations: TranslationsService,
    private readonly audit: AuditService,
    private readonly live: LiveBroadcaster,
  ) {}

  async preview(actor: Actor, draftId: string, lang: string, body: ImportTranslationRequest): Promise<TranslationImportPreview> {
    const code = await this.allowed(actor, draftId, lang);
    const synced = await this.translations.sync(draftId);
    if (!synced) throw notFound('draft', draftId);
    const alignment = alignTranslation(synced.view, importText(normalizeSponsorConjunctions(body.text)));
    return { lang: code, ...alignment, digest: digestOf(alignment, synced.latest) };
  }

  async commit(actor: Actor, draftId: string, lang: string, body: ImportTranslationRequest): Promise<TranslationImportResult> {
    if (body.digest === undefined) {
      throw new AppError('validation_failed', 'Preview the import first and send its digest with the import, so what is written is what you saw.', {
        issues: [{ path: 'digest', message: 'required: the digest of POST …/import/preview' }],
      });
    }
    const code = await this.allowed(actor, draftId, lang);
    const done = await this.db.transaction(async (m) => {
      await lockParagraphs(m, draftId);
      const synced = await this.translations.syncLocked(m, draftId);
      if (!synced) throw notFound('draft', draftId);
      const alignment = alignTranslation(synced.view, importText(normalizeSponsorConjunctions(body.text)));
      if (digestOf(alignment, synced.latest) !== body.digest) {
        throw new AppError('conflict', 'The draft (or the text) changed since the preview: preview the import again and check the alignment before writing.', {
          digest: body.digest,
        });
      }
      const changes: TranslationChange[] = [];
      const entries = [];
      for (const a of alignment.paragraphs) {
        if (a.problems.length > 0 || a.paragraphId === null || a.text === null) continue;
        const revision = synced.latest.get(a.paragraphId)?.revision;
        if (revision === undefined) continue;
        const previous = await this.repo.translation(m, a.paragraphId, code);
        await this.repo.upsert(m, { unitId: a.paragraphId, unitKind: 'paragraph', draftId, lang: code, text: a.text, literals: a.literals, basedOn: revision, userId: actor.userId });
        entries.push({
          actor,
          entry: {
            action: 'translation.import',
            targetType: 'paragraph',
            targetId: a.paragraphId,
            draftId,
            before: previous ? { lang: code, text: previous.text, literals: previous.literals, basedOn: previous.basedOn } : null,
            after: { lang: code, text: a.text, literals: a.literals, basedOn: revision, originalRevision: revision },
          },
        });
        changes.push({ unitKind: 'paragraph', unitId: a.paragraphId, paragraphId: a.paragraphId, lang: code, status: 'current', basedOn: revision, originalRevision: revision });
      }
      await this.audit.recordMany(m, entries);
      return { changes, skipped: alignment.paragraphs.length - changes.length };
    });
    if (done.changes.length > 0) this.live.emit(draftId, LIVE_EVENTS.translationChanged, { draftId, cause: 'translation.put', changes: done.changes });
    return { lang: code, written: done.changes.length, skipped: done.skipped };
  }

  private async allowed(actor: Actor, draftId: string, lang: string): Promise<LanguageCode> {
    const row = await this.repo.draftLanguages(draftId);
    if (!canRead(actor, row)) throw notFound('draft', draftId);
    requireAccess(actor, { action: 'translation.edit', committeeId: row.committeeId });
    const languages = draftLanguages(row);
    const code = this.translations.requireOfficial(languages, lang);
    if (code === languages.original) {
      throw new AppError('original_language', `${languageName(code)} is this draft's original language: import it as the draft itself, not as a translation.`, {
        lang: code,
        original: languages.original,
      });
    }
    return code;
  }
}

/** Every writer of the draft's paragraphs waits; rows that only point at one (a co-editing batch's bracket claims) do not (see ProjectionRepository.lockParagraphs). */
async function lockParagraphs(m: EntityManager, draftId: string): Promise<void> {
  await m.query(`SELECT id FROM paragraph WHERE draft_id = $1 ORDER BY id FOR NO KEY UPDATE`, [draftId]);
}

function digestOf(alignment: TranslationAlignment, latest: ReadonlyMap<string, { revision: number }>): string {
  const revisions = alignment.paragraphs.map((a) => (a.paragraphId === null ? null : (latest.get(a.paragraphId)?.revision ?? null)));
  return createHash('sha256').update(JSON.stringify([alignment.paragraphs, revisions])).digest('hex');
}
