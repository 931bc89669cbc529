import { Injectable } from '@nestjs/common';
import {
  type DocModel,
  type DraftLanguages,
  type DraftView,
  type LanguageCode,
  type Literal,
  type PutTranslationRequest,
  type StaleTranslationDetails,
  type TranslationChange,
  type TranslationState,
  type TranslationSummary,
  type TranslationUnitKind,
  LANGUAGE_CODES,
  LIVE_EVENTS,
  diffWords,
} from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { buildDraftView } from '../drafts/draft-view.builder';
import { DraftsRepository } from '../drafts/drafts.repository';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { type ExportTranslation, translateModel } from './translated-export';
import { checkTranslationText, describeUnit, normalizedRequest, notTranslatable } from './translation-checks';
import { type TranslationSnapshot, applyTranslations, changeOf, draftLanguages, languageName, stateOf, statusOf } from './translation-state';
import { paragraphUnit, sameSource, unitRedlineText, unitsOf, type TranslationUnit } from './translation-units';
import { SourceRow, TranslationRow, TranslationsRepository } from './translations.repository';


/**
 * Translations of a draft's units into the committee's official languages: their status against
 * the original's current revision, the translators' writes (checked, locked, audited) and the
 * live announcements when a translation is stored or the original moves on.
 */
@Injectable()
export class TranslationsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly repo: TranslationsRepository,
    private readonly audit: AuditService,
    private readonly live: LiveBroadcaster,
  ) {}

  /** The committee's official languages and the draft's original, for `GET /api/drafts/:id`. */
  async languages(draftId: string): Promise<DraftLanguages> {
    const row = await this.repo.draftLanguages(draftId);
    if (!row) throw notFound('draft', draftId);
    return draftLanguages(row);
  }

  /**
   * Checks a `?lang=` against the draft's languages: a language the committee does not use is
   * refused. A browser's tag ("es-MX", "PT_br") names its language.
   */
  requireOfficial(languages: DraftLanguages, lang: string): LanguageCode {
    const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
    const code = LANGUAGE_CODES.find((l) => l === primary);
    if (code === undefined || !languages.official.includes(code)) {
      throw new AppError(
        'language_not_official',
        `"${lang.slice(0, 20)}" is not an official language of this committee; it works in ${languages.official.join(', ')}.`,
        { lang: lang.slice(0, 20), official: languages.official },
      );
    }
    return code;
  }

  /**
   * Records a new revision for every unit whose original changed since it was last recorded, and
   * returns the current revisions with the ids of the units that moved on. Outside a transaction
   * it compares first and takes the draft's source lock only when something changed.
   */
  async sync(draftId: string, m?: EntityManager): Promise<{ view: DraftView; latest: Map<string, SourceRow>; changed: string[] } | null> {
    if (m !== undefined) return this.syncLocked(m, draftId);
    const contents = await this.drafts.contents(draftId);
    if (!contents) return null;
    const view = buildDraftView(contents);
    const latest = await this.repo.latestSources(draftId);
    const units = unitsOf(view, true);
    if (units.every((u) => { const l = latest.get(u.id); return l !== undefined && sameSource(l, u); })) return { view, latest, changed: [] };
    return this.db.transaction((tx) => this.syncLocked(tx, draftId));
  }

  async syncLocked(m: EntityManager, draftId: string): Promise<{ view: DraftView; latest: Map<string, SourceRow>; changed: string[] } | null> {
    await this.repo.lockSources(m, draftId);
    const contents = await this.drafts.contents(draftId, m);
    if (!contents) return null;
    const view = buildDraftView(contents);
    const latest = await this.repo.latestSources(draftId, m);
    const fresh: { unitId: string; unitKind: TranslationUnitKind; revision: number; text: string; literals: Literal[] | null }[] = [];
    const changed: string[] = [];
    for (const u of unitsOf(view, true)) {
      const l = latest.get(u.id);
      if (l !== undefined && sameSource(l, u)) continue;
      const row = { unitId: u.id, unitKind: u.kind, revision: (l?.revision ?? 0) + 1, text: u.text, literals: u.literals };
      fresh.push(row);
      latest.set(u.id, { unitId: u.id, revision: row.revision, text: u.text, literals: u.literals });
      if (l !== undefined) changed.push(u.id);
    }
    await this.repo.insertSources(m, draftId, fresh);
    return { view, latest, changed };
  }

  /** The draft, its units at their current revisions and the translations into `lang` (all languages when null). */
  async snapshot(draftId: string, lang: LanguageCode | null): Promise<TranslationSnapshot> {
    const langRow = await this.repo.draftLanguages(draftId);
    const synced = await this.sync(draftId);
    if (!langRow || !synced) throw notFound('draft', draftId);
    const translations = await this.repo.translations(draftId, lang);
    const outdated = translations.filter((t) => synced.latest.get(t.unitId)?.revision !== t.basedOn);
    const basis = await this.repo.sources(outdated.map((t) => ({ unitId: t.unitId, revision: t.basedOn })));
    return { view: synced.view, languages: draftLanguages(langRow), units: unitsOf(synced.view, true), latest: synced.latest, translations, basis };
  }

  /** `GET /api/drafts/:id?lang=xx`: every text in that language where translated, each unit with its status. */
  async translatedView(actor: Actor, draftId: string, lang: string): Promise<DraftView> {
    const langRow = await this.repo.draftLanguages(draftId);
    if (!canRead(actor, langRow)) throw notFound('draft', draftId);
    requireAccess(actor, { action: 'committee.read', committeeId: langRow.committeeId });
    const code = this.requireOfficial(draftLanguages(langRow), lang);
    const snap = await this.snapshot(draftId, code);
    return applyTranslations(snap, code);
  }

  async summary(actor: Actor, draftId: string): Promise<TranslationSummary> {
    const langRow = await this.repo.draftLanguages(draftId);
    if (!canRead(actor, langRow)) throw notFound('draft', draftId);
    requireAccess(actor, { action: 'committee.read', committeeId: langRow.committeeId });
    const snap = await this.snapshot(draftId, null);
    const counted = unitsOf(snap.view);
    const byUnitLang = new Map(snap.translations.map((t) => [`${t.unitId}:${t.lang}`, t]));
    return {
      draftId,
      original: snap.languages.original,
      official: snap.languages.official,
      units: { paragraphs: counted.filter((u) => u.kind === 'paragraph').length, amendments: counted.filter((u) => u.kind === 'amendment').length },
      languages: snap.languages.official
        .filter((l) => l !== snap.languages.original)
        .map((lang) => {
          const figures = { lang, current: 0, outdated: 0, missing: 0, total: counted.length };
          for (const u of counted) figures[statusOf(byUnitLang.get(`${u.id}:${lang}`), snap.latest.get(u.id))] += 1;
          return figures;
        }),
    };
  }

  /** `PUT /api/{paragraphs|amendments}/:id/translations/:lang`. */
  async put(actor: Actor, kind: TranslationUnitKind, unitId: string, lang: string, request: PutTranslationRequest): Promise<TranslationState> {
    const body = normalizedRequest(request);
    const result = await this.db.transaction(async (m) => {
      const owner = await this.repo.lockUnit(m, kind, unitId);
      const langRow = owner ? await this.repo.draftLanguages(owner.draftId, m) : null;
      if (!owner || !canRead(actor, langRow)) throw notFound(kind, unitId);
      requireAccess(actor, { action: 'translation.edit', committeeId: langRow.committeeId });
      const languages = draftLanguages(langRow);
      const code = this.requireOfficial(languages, lang);
      if (code === languages.original) {
        throw new AppError(
          'original_language',
          `${languageName(code)} is this draft's original language: its text changes through the negotiation, not as a translation.`,
          { lang: code, original: languages.original },
        );
      }
      const synced = await this.syncLocked(m, owner.draftId);
      const unit = synced ? unitsOf(synced.view).find((u) => u.id === unitId) : undefined;
      const latest = synced?.latest.get(unitId);
      if (!synced || !unit || !latest) throw notTranslatable(kind, unitId, synced?.view);
      const previous = await this.repo.translation(m, unitId, code);
      const basis = await this.checkRevision(m, unit, code, body, latest, previous);
      const literals = checkTranslationText(unit, basis, body);
      await this.repo.upsert(m, { unitId, unitKind: kind, draftId: owner.draftId, lang: code, text: body.text, literals, basedOn: body.basedOn, userId: actor.userId });
      const before = previous ? { lang: code, text: previous.text, literals: previous.literals, basedOn: previous.basedOn } : null;
      const after = { lang: code, text: body.text, literals, basedOn: body.basedOn, originalRevision: latest.revision };
      await this.audit.record(m, actor, { action: 'translation.put', targetType: kind, targetId: unitId, draftId: owner.draftId, before, after });
      const stored = await this.repo.translation(m, unitId, code);
      return { draftId: owner.draftId, paragraphId: unit.paragraphId, state: stateOf(unit, code, latest, stored ?? undefined, basis) };
    });
    const change = changeOf(result.state, result.paragraphId);
    this.live.emit(result.draftId, LIVE_EVENTS.translationChanged, { draftId: result.draftId, cause: 'translation.put', changes: [change] });
    return result.state;
  }

  /**
   * `basedOn` must be a revision the original had; unless the caller says the translation is work
   * in progress, it must be the current one; and it never goes back behind a stored translation.
   */
  private async checkRevision(
    m: EntityManager,
    unit: TranslationUnit,
    lang: LanguageCode,
    body: PutTranslationRequest,
    latest: SourceRow,
    previous: TranslationRow | null,
  ): Promise<SourceRow> {
    const basis = body.basedOn <= latest.revision ? await this.repo.source(unit.id, body.basedOn, m) : null;
    if (!basis) {
      throw new AppError(
        'invalid_revision',
        `The original of ${describeUnit(unit)} has had revisions 1 to ${latest.revision}; there is no revision ${body.basedOn} to translate from.`,
        { unitKind: unit.kind, unitId: unit.id, basedOn: body.basedOn, originalRevision: latest.revision },
      );
    }
    const behindStored = previous !== null && previous.basedOn > body.basedOn;
    if (body.basedOn !== latest.revision && (body.partial !== true || behindStored)) {
      const details: StaleTranslationDetails = {
        unitKind: unit.kind,
        unitId: unit.id,
        lang,
        basedOn: body.basedOn,
        originalRevision: latest.revision,
        redline: diffWords(unitRedlineText(basis.text, basis.literals), unitRedlineText(latest.text, latest.literals)),
      };
      const message = behindStored
        ? `The stored ${languageName(lang)} translation of ${describeUnit(unit)} was made from revision ${previous.basedOn}, newer than revision ${body.basedOn} this one was made from; reload it and start from there.`
        : `The original of ${describeUnit(unit)} changed since revision ${body.basedOn} (it is at revision ${latest.revision}): bring the translation up to date with the changes shown and send basedOn ${latest.revision}, or send partial: true to keep it as work in progress.`;
      throw new AppError('stale_translation', message, { ...details, storedBasedOn: previous?.basedOn ?? null });
    }
    return basis;
  }

  /**
   * An export's model in `lang` (`translated-export.ts`): the view may be the live draft or a
   * published version, so each translation counts as current only if it was made from exactly the
   * words being exported. Only the chair's office may issue an incomplete consensus draft.
   */
  async translateExport(
    actor: Actor,
    draftId: string,
    view: DraftView,
    model: DocModel,
    o: { kind: 'consensus' | 'compilation'; lang?: string | undefined; allowIncomplete?: boolean | undefined },
  ): Promise<DocModel> {
    if (o.lang === undefined) return model;
    const languages = await this.languages(draftId);
    const lang = this.requireOfficial(languages, o.lang);
    if (lang === languages.original) return model;
    if (o.allowIncomplete === true && o.kind === 'consensus') requireAccess(actor, { action: 'export.allowIncomplete', committeeId: actor.committeeId });
    await this.sync(draftId);
    const rows = (await this.repo.translations(draftId, lang)).filter((t) => t.unitKind === 'paragraph');
    const basis = await this.repo.sources(rows.map((t) => ({ unitId: t.unitId, revision: t.basedOn })));
    const byId = new Map(rows.map((t) => [t.unitId, t]));
    const out = new Map<string, ExportTranslation>();
    for (const p of view.sections.flatMap((s) => s.paragraphs)) {
      const t = byId.get(p.id);
      if (!t) continue;
      const source = basis.get(`${t.unitId}:${t.basedOn}`);
      const exported = paragraphUnit(p);
      const current = source !== undefined && sameSource(source, exported);
      out.set(p.id, { status: current ? 'current' : 'outdated', text: t.text, literals: t.literals });
    }
    return translateModel(model, out, { kind: o.kind, lang, original: languages.original, allowIncomplete: o.allowIncomplete === true });
  }

  /** After the original of some units changed: recompute, and tell the room which translations turned outdated. */
  async originalChanged(draftId: string, paragraphIds: readonly string[] | null): Promise<void> {
    const unitIds = paragraphIds === null ? null : [...paragraphIds, ...(await this.repo.amendmentIdsOf(paragraphIds))];
    if (!(await (unitIds === null ? this.repo.draftHasTranslations(draftId) : this.repo.hasTranslations(unitIds)))) return;
    const synced = await this.sync(draftId);
    if (!synced || synced.changed.length === 0) return;
    const translations = await this.repo.translationsOfUnits(synced.changed);
    const units = new Map(unitsOf(synced.view, true).map((u) => [u.id, u]));
    const changes: TranslationChange[] = [];
    for (const t of translations) {
      const unit = units.get(t.unitId);
      const latest = synced.latest.get(t.unitId);
      if (!unit || !latest) continue;
      changes.push({ unitKind: unit.kind, unitId: unit.id, paragraphId: unit.paragraphId, lang: t.lang, status: statusOf(t, latest), basedOn: t.basedOn, originalRevision: latest.revision });
    }
    if (changes.length > 0) this.live.emit(draftId, LIVE_EVENTS.translationChanged, { draftId, cause: 'original.changed', changes });
  }
}
