import type { DraftView, ParagraphView } from './domain';
import { buildCompilationModel } from './export-compilation';
import { buildConsensusModel } from './export-consensus';
import { translationMarker } from './export-model';
import { translateModel } from './export-translation';

const paragraph = (id: string, label: string, text: string): ParagraphView =>
  ({ id, label, kind: 'substantive', state: 'consensus', status: 'approved', text, sponsors: [], invited: [], amendments: [], compiled: text, origin: 'chair', literals: null }) as unknown as ParagraphView;

const draft = {
  id: 'd',
  title: 'Advancing Hemispheric Security',
  symbol: 'CP/CSH/1/22',
  sections: [{ id: 's', kind: 'entity', key: 'CICTE', title: 'Inter-American Committee against Terrorism', area: null, paragraphs: [
    paragraph('p1', '1', 'To reiterate its condemnation of terrorism.'),
    paragraph('p2', '2', 'To reaffirm its commitment [CAN: to CICTE].'),
    paragraph('p3', '3', 'To convene the regular session.'),
  ] }],
} as unknown as DraftView;

describe('translateModel: the step that puts each unit in the document language', () => {
  const spanish = { p1: { text: 'Reiterar su condena del terrorismo.', status: 'current' as const }, p2: { text: 'Reafirmar su compromiso [CAN: con el CICTE].', status: 'outdated' as const } };
  const lookup = (id: string) => spanish[id as keyof typeof spanish];

  it("replaces each unit's words, keeps brackets with their sponsors, and marks missing and outdated units in a compilation", () => {
    const model = translateModel(buildCompilationModel(draft, { date: '2022-03-15', lang: 'es' }), lookup);
    const [p1, p2, p3] = model.sections[0]!.paragraphs;
    expect(p1!.segments).toEqual([{ type: 'text', text: 'Reiterar su condena del terrorismo.' }]);
    expect(p2!.segments[1]).toEqual({ type: 'insert', sponsors: ['CAN'], text: 'con el CICTE' });
    expect(p3!.segments).toEqual([{ type: 'text', text: 'To convene the regular session.' }]);
    expect([p1, p2, p3].map((p) => translationMarker(model, p!))).toEqual([null, '(traducción desactualizada)', '(traducción pendiente)']);
  });

  it('leaves the original alone, and prints no marker in a consensus draft', () => {
    const original = buildConsensusModel(draft, { date: '2022-03-15' });
    expect(translateModel(original, lookup)).toBe(original);
    const es = translateModel(buildConsensusModel(draft, { date: '2022-03-15', lang: 'es' }), lookup);
    expect(es.sections[0]!.paragraphs.map((p) => p.translationStatus)).toEqual(['current', 'outdated', 'missing']);
    expect(es.sections[0]!.paragraphs.map((p) => translationMarker(es, p))).toEqual([null, null, null]);
  });
});
