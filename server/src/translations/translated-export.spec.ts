import { type DocModel, type DocParagraph, emptyModel } from '@omnibus/shared';
import { AppError } from '../common/app-error';
import { type ExportTranslation, translateModel } from './translated-export';

const para = (id: string, label: string, text: string, literals: { label: string; text: string }[] = []): DocParagraph => ({
  id,
  number: label,
  label,
  kind: 'substantive',
  state: 'consensus',
  status: 'approved',
  sponsors: [],
  segments: [{ type: 'text', text }],
  literals: literals.map((l) => ({ label: l.label, segments: [{ type: 'text', text: l.text }] })),
  note: null,
  footnotes: [],
});

function model(kind: 'consensus' | 'compilation'): DocModel {
  const m = emptyModel(kind, { title: 'T', symbol: 'S' }, { date: '2022-06-01', lang: 'es' });
  m.sections.push({
    id: 's',
    kind: 'entity',
    key: 'CICTE',
    heading: 'CICTE',
    area: null,
    paragraphs: [
      para('p1', '1', 'To reiterate its condemnation of terrorism.'),
      para('p2', '2', 'To instruct the General Secretariat to:', [{ label: 'a', text: 'report.' }]),
      para('p3', '3', 'To convene the session [US: delete: in 2022].'),
    ],
  });
  return m;
}

const translations = new Map<string, ExportTranslation>([
  ['p1', { status: 'current', text: 'Reiterar su condena del terrorismo.', literals: null }],
  ['p2', { status: 'current', text: 'Encomendar a la Secretaría General que:', literals: [{ label: 'a', text: 'informe.' }] }],
  ['p3', { status: 'outdated', text: 'Convocar la sesión en 2022.', literals: null }],
]);

describe('translated export model', () => {
  it('prints current translations and marks the rest, in the document’s language', () => {
    const out = translateModel(model('compilation'), translations, { kind: 'compilation', lang: 'es', original: 'en', allowIncomplete: false });
    const [p1, p2, p3] = out.sections[0]!.paragraphs;
    expect(p1!.segments).toEqual([{ type: 'text', text: 'Reiterar su condena del terrorismo.' }]);
    expect(p2!.literals).toEqual([{ label: 'a', segments: [{ type: 'text', text: 'informe.' }] }]);
    expect(p3!.segments).toEqual([{ type: 'text', text: 'To convene the session [US: delete: in 2022].' }]);
    expect(p3!.translationStatus).toBe('outdated');
    expect(p3!.note).toBeNull();
    expect(out.subtitle).toMatch(/Traducción incompleta: 1 párrafo\(s\) en inglés$/);
  });

  it('refuses a consensus draft with an untranslated paragraph, naming it, unless the chair allows it', () => {
    const missing = new Map(translations);
    missing.delete('p1');
    let refusal: unknown;
    try {
      translateModel(model('consensus'), missing, { kind: 'consensus', lang: 'fr', original: 'en', allowIncomplete: false });
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'translation_incomplete',
      details: { lang: 'fr', units: [{ unitId: 'p1', label: '1', status: 'missing' }, { unitId: 'p3', label: '3', status: 'outdated' }] },
    });
    const allowed = translateModel(model('consensus'), missing, { kind: 'consensus', lang: 'fr', original: 'en', allowIncomplete: true });
    expect(allowed.sections[0]!.paragraphs[0]!.note).toBe('Traduction en attente : texte en anglais.');
    expect(allowed.subtitle).toMatch(/Traduction incomplète : 2 paragraphe\(s\) en anglais$/);
  });

  it('leaves the original language untouched', () => {
    const m = model('consensus');
    expect(translateModel(m, new Map(), { kind: 'consensus', lang: 'en', original: 'en', allowIncomplete: false })).toBe(m);
  });
});
