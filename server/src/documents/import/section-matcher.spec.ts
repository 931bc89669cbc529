import { TargetSection, matchSection } from './section-matcher';

const sections: TargetSection[] = [
  { id: 'pre', kind: 'preamble', key: 'preamble', title: 'Preamble' },
  { id: 'cyber', kind: 'topic', key: 'cybersecurity', title: 'Cybersecurity' },
  { id: 'cicte', kind: 'entity', key: 'CICTE', title: 'Inter-American Committee against Terrorism' },
  { id: 'iadb', kind: 'entity', key: 'IADB', title: 'Inter-American Defense Board' },
  { id: 'gen', kind: 'general', key: 'general', title: 'General provisions and follow-up' },
];
const match = (heading: string) => matchSection(heading, sections, false)?.id ?? null;

describe('matchSection', () => {
  it('reads the English headings an export prints', () => {
    expect(match('Inter-American Committee against Terrorism (CICTE)')).toBe('cicte');
    expect(match('Cybersecurity')).toBe('cyber');
    expect(match('General provisions and follow-up')).toBe('gen');
  });

  it('reads the headings a Spanish, French or Portuguese export prints back to their sections', () => {
    expect(match('Comité Interamericano contra el Terrorismo (CICTE)')).toBe('cicte');
    expect(match('COMITÉ INTERAMERICANO CONTRA EL TERRORISMO (CICTE)')).toBe('cicte');
    expect(match('Junta Interamericana de Defensa (JID)')).toBe('iadb');
    expect(match('Conseil interaméricain de défense (JID)')).toBe('iadb');
    expect(match('Ciberseguridad')).toBe('cyber');
    expect(match('Segurança cibernética')).toBe('cyber');
    expect(match('Disposiciones generales y seguimiento')).toBe('gen');
  });

  it("finds an entity by its acronym in any language, and nothing for a heading it doesn't know", () => {
    expect(match('Informe anual de la JID')).toBeNull();
    expect(match('Some body we have never heard of (JID)')).toBe('iadb');
    expect(match('Ein Abschnitt')).toBeNull();
  });
});
