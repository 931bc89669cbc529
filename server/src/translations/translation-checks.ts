import type { DraftView, Literal, PutTranslationRequest, TranslationUnitKind } from '@omnibus/shared';
import { AppError } from '../common/app-error';
import { checkBrackets, literalsMatch, normalizeSponsorConjunctions, type TranslationUnit } from './translation-units';
import type { SourceRow } from './translations.repository';

/** What a stored translation must be: of a unit in play, keeping the original's brackets, sponsors and literals. */
export function normalizedRequest(r: PutTranslationRequest): PutTranslationRequest {
  const out: PutTranslationRequest = { ...r, text: normalizeSponsorConjunctions(r.text) };
  if (r.literals) out.literals = r.literals.map((l) => ({ label: l.label, text: normalizeSponsorConjunctions(l.text) }));
  return out;
}

export function describeUnit(unit: TranslationUnit): string {
  return unit.kind === 'paragraph' ? `paragraph ${unit.label}` : `the amendment ${unit.label}`;
}

export function notTranslatable(kind: TranslationUnitKind, unitId: string, view: DraftView | undefined): AppError {
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
export function checkTranslationText(unit: TranslationUnit, basis: SourceRow, body: PutTranslationRequest): Literal[] | null {
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
      `The original of ${describeUnit(unit)} has ${fmt(check.expected)}; the translation has ${fmt(check.found)}. Keep every bracket with its sponsors, in the original's order.`,
      { expected: check.expected, found: check.found },
    );
  }
  if (!literalsMatch(basis.literals, body.literals)) {
    const labels = (basis.literals ?? []).map((l) => l.label);
    throw new AppError(
      'validation_failed',
      labels.length === 0
        ? `${describeUnit(unit)} has no literals; send the text alone.`
        : `Translate every literal of ${describeUnit(unit)} with the original's labels, in order: ${labels.join(', ')}.`,
      { issues: [{ path: 'literals', message: `expected labels ${labels.join(', ') || '(none)'}` }] },
    );
  }
  for (const l of body.literals ?? []) {
    const c = checkBrackets(basis.literals?.find((o) => o.label === l.label)?.text ?? '', l.text);
    if (!c.ok) {
      throw new AppError('bracket_sponsors_mismatch', `Literal ${l.label}. of ${describeUnit(unit)} must keep the original's brackets and sponsors.`, {
        literal: l.label,
      });
    }
  }
  return unit.literals === null ? null : (body.literals ?? []).map((l) => ({ label: l.label, text: l.text }));
}
