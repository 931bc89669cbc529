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
  parseBrackets,
} from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import { requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { buildDraftView } from '../drafts/draft-view.builder';
import { DraftsRepository } from '../drafts/drafts.repository';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { type ExportTranslation, translateModel } from './translated-export';
import { baseWords, checkBrackets, literalsMatch, normalizeSponsorConjunctions, paragraphUnit, sameSource, unitRedlineText, unitsOf, type TranslationUnit } from './translation-units';
import { DraftLanguageRow, SourceRow, TranslationRow, TranslationsRepository } from './translations.repository';

/** A draft with the current revision of each unit's original and the stored translations. */
export interface TranslationSnapshot {
  view: DraftView;
  languages: DraftLanguages;
  units: TranslationUnit[];
  latest: Map<string, SourceRow>;
  translations: TranslationRow[];
  /** Texts of the revisions outdated translations were made from, keyed `unitId:revision`. */
  basis: Map<string, SourceRow>;
}

const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  pt: 'Portuguese',
  ar: 'Arabic',
  zh: 'Chinese',
  ru: 'Russian',
};

export const languageName = (lang: LanguageCode): string => LANGUAGE_NAMES[lang];

export function draftLanguages(row: DraftLanguageRow): DraftLanguages {
  return { original: row.original, official: [row.original, ...row.official.filter((l) => l !== row.original)] };
}

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

  /** Checks a `?lang=` against the draft's languages: a language the committee does not use is refused. */
  requireOfficial(languages: DraftLanguages, lang: string): LanguageCode {
    const code = LANGUAGE_CODES.find((l) => l === lang);
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
    if (!langRow || langRow.committeeId !== actor.committeeId) throw notFound('draft', draftId);
    requireAccess(actor, { action: 'committee.read', committeeId: langRow.committeeId });
    const code = this.requireOfficial(draftLanguages(langRow), lang);
    const snap = await this.snapshot(draftId, code);
    return applyTranslations(snap, code);
  }

  async summary(actor: Actor, draftId: string): Promise<TranslationSummary> {
    const langRow = await this.repo.draftLanguages(draftId);
    if (!langRow || langRow.committeeId !== actor.committeeId) throw notFound('draft', draftId);
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
      if (!owner || !langRow || langRow.committeeId !== actor.committeeId) throw notFound(kind, unitId);
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
        `The original of ${describe(unit)} has had revisions 1 to ${latest.revision}; there is no revision ${body.basedOn} to translate from.`,
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
        ? `The stored ${languageName(lang)} translation of ${describe(unit)} was made from revision ${previous.basedOn}, newer than revision ${body.basedOn} this one was made from; reload it and start from there.`
        : `The original of ${describe(unit)} changed since revision ${body.basedOn} (it is at revision ${latest.revision}): bring the translation up to date with the changes shown and send basedOn ${latest.revision}, or send partial: true to keep it as work in progress.`;
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
    if (o.allowIncomplete === true && o.kind === 'consensus' && actor.role !== 'chair' && actor.role !== 'vice_chair') {
      throw new AppError('forbidden', 'Only the chair or a vice-chair may issue a consensus draft whose translation is incomplete.', { action: 'export.allowIncomplete', role: actor.role });
    }
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
  async originalChanged(draftId: string, paragraphId: string | null): Promise<void> {
    const unitIds = paragraphId === null ? null : [paragraphId, ...(await this.repo.amendmentIdsOf(paragraphId))];
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

function normalizedRequest(r: PutTranslationRequest): PutTranslationRequest {
  const out: PutTranslationRequest = { ...r, text: normalizeSponsorConjunctions(r.text) };
  if (r.literals) out.literals = r.literals.map((l) => ({ label: l.label, text: normalizeSponsorConjunctions(l.text) }));
  return out;
}

function describe(unit: TranslationUnit): string {
  return unit.kind === 'paragraph' ? `paragraph ${unit.label}` : `the amendment ${unit.label}`;
}

function notTranslatable(kind: TranslationUnitKind, unitId: string, view: DraftView | undefined): AppError {
  const paragraph = view?.sections.flatMap((s) => s.paragraphs).find((p) => p.id === unitId || p.amendments.some((a) => a.id === unitId));
  const amendment = paragraph?.amendments.find((a) => a.id === unitId);
  const why =
    kind === 'paragraph'
      ? `Paragraph ${paragraph?.label ?? unitId} is ${paragraph?.status ?? 'gone'}: only paragraphs still in play are translated.`
      : amendment && amendment.status === 'proposed'
        ? `This amendment proposes no words (a deletion), or its paragraph is out of play: there is nothing to translate.`
        : `This amendment is ${amendment?.status ?? 'gone'}: only open amendments are translated.`;
  return new AppError('unit_not_translatable', why, { unitKind: kind, unitId, status: kind === 'paragraph' ? (paragraph?.status ?? null) : (amendment?.status ?? null) });
}

/** The translation's words must keep the original's brackets and sponsors and its literals' labels. */
function checkTranslationText(unit: TranslationUnit, basis: SourceRow, body: PutTranslationRequest): Literal[] | null {
  const check = checkBrackets(basis.text, body.text);
  if (!check.ok && check.reason === 'malformed') {
    throw new AppError('validation_failed', `The translation's brackets cannot be read: ${check.message}`, {
      issues: [{ path: 'text', message: check.message }],
      offset: check.offset,
    });
  }
  if (!check.ok) {
    const fmt = (list: string[][]) => (list.length === 0 ? 'no brackets' : list.map((s) => `[${s.join(', ')}]`).join(' '));
    throw new AppError(
      'bracket_sponsors_mismatch',
      `The original of ${describe(unit)} has ${fmt(check.expected)}; the translation has ${fmt(check.found)}. Keep every bracket with its sponsors, in the original's order.`,
      { expected: check.expected, found: check.found },
    );
  }
  if (!literalsMatch(basis.literals, body.literals)) {
    const labels = (basis.literals ?? []).map((l) => l.label);
    throw new AppError(
      'validation_failed',
      labels.length === 0
        ? `${describe(unit)} has no literals; send the text alone.`
        : `Translate every literal of ${describe(unit)} with the original's labels, in order: ${labels.join(', ')}.`,
      { issues: [{ path: 'literals', message: `expected labels ${labels.join(', ') || '(none)'}` }] },
    );
  }
  for (const l of body.literals ?? []) {
    const c = checkBrackets(basis.literals?.find((o) => o.label === l.label)?.text ?? '', l.text);
    if (!c.ok) {
      throw new AppError('bracket_sponsors_mismatch', `Literal ${l.label}. of ${describe(unit)} must keep the original's brackets and sponsors.`, {
        literal: l.label,
      });
    }
  }
  return unit.literals === null ? null : (body.literals ?? []).map((l) => ({ label: l.label, text: l.text }));
}

export function statusOf(t: TranslationRow | undefined, latest: SourceRow | undefined): 'current' | 'outdated' | 'missing' {
  if (t === undefined) return 'missing';
  return latest !== undefined && t.basedOn === latest.revision ? 'current' : 'outdated';
}

export function stateOf(unit: TranslationUnit, lang: LanguageCode, latest: SourceRow, t: TranslationRow | undefined, basis: SourceRow | undefined): TranslationState {
  const status = statusOf(t, latest);
  const state: TranslationState = {
    unitKind: unit.kind,
    unitId: unit.id,
    lang,
    status,
    basedOn: t?.basedOn ?? null,
    originalRevision: latest.revision,
    text: t?.text ?? null,
    original: unit.literals === null ? { text: unit.text } : { text: unit.text, literals: unit.literals },
    updatedBy: t?.updatedBy ?? null,
    updatedAt: t ? new Date(t.updatedAt).toISOString() : null,
  };
  if (unit.literals !== null) state.literals = t ? (t.literals ?? []) : null;
  if (status === 'outdated' && basis) state.redline = diffWords(unitRedlineText(basis.text, basis.literals), unitRedlineText(latest.text, latest.literals));
  return state;
}

function changeOf(s: TranslationState, paragraphId: string): TranslationChange {
  return { unitKind: s.unitKind, unitId: s.unitId, paragraphId, lang: s.lang, status: s.status, basedOn: s.basedOn, originalRevision: s.originalRevision };
}

/** The draft view with every text in `lang` where translated and each unit's translation state. */
export function applyTranslations(snap: TranslationSnapshot, lang: LanguageCode): DraftView {
  const view: DraftView = structuredClone(snap.view);
  view.languages = snap.languages;
  view.lang = lang;
  const units = new Map(snap.units.map((u) => [u.id, u]));
  const byUnit = new Map(snap.translations.filter((t) => t.lang === lang).map((t) => [t.unitId, t]));
  const isOriginal = lang === snap.languages.original;
  const stateFor = (unit: TranslationUnit): TranslationState | null => {
    const latest = snap.latest.get(unit.id);
    if (!latest) return null;
    if (isOriginal) {
      const own: TranslationRow = { unitId: unit.id, unitKind: unit.kind, lang, text: unit.text, literals: unit.literals, basedOn: latest.revision, updatedBy: null, updatedAt: new Date(0) };
      return { ...stateOf(unit, lang, latest, own, undefined), updatedAt: null };
    }
    const t = byUnit.get(unit.id);
    return stateOf(unit, lang, latest, t, t ? snap.basis.get(`${unit.id}:${t.basedOn}`) : undefined);
  };
  for (const section of view.sections) {
    for (const p of section.paragraphs) {
      const unit = units.get(p.id);
      const state = unit ? stateFor(unit) : null;
      if (state) {
        p.translation = state;
        if (!isOriginal && state.text !== null) {
          const parsed = parseBrackets(state.text);
          p.compiled = state.text;
          p.text = parsed.ok ? baseWords(parsed.segments, p.origin === 'delegation') : state.text;
          if (p.kind === 'mandates') {
            p.chapeau = p.text;
            p.literals = state.literals ?? p.literals ?? [];
          }
        }
      }
      for (const a of p.amendments) {
        const aUnit = units.get(a.id);
        const aState = aUnit ? stateFor(aUnit) : null;
        if (!aState) continue;
        a.translation = aState;
        if (!isOriginal && aState.text !== null) a.text = aState.text;
      }
    }
  }
  return view;
}
