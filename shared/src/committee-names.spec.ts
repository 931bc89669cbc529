import { ENTITIES, THEMATIC_AREAS, TOPICS } from './committee-data';
import { AREA_NAMES, ENTITY_NAMES, STANDARD_SECTION_NAMES, TOPIC_NAMES, areaName, namesLanguage, sectionName } from './committee-names';
import { DOCUMENT_LANGUAGES } from './document-words';
import { sectionHeading } from './export-model';

describe('the committee names in the four languages', () => {
  it('names every area, topic, entity and standard section in each language, in its own words', () => {
    const all: { what: string; lang: string; name: string }[] = [];
    for (const lang of DOCUMENT_LANGUAGES) {
      for (const a of THEMATIC_AREAS) all.push({ what: `area ${a.number}`, lang, name: AREA_NAMES[a.number]?.[lang] ?? '' });
      for (const t of TOPICS) all.push({ what: t.key, lang, name: TOPIC_NAMES[t.key][lang] });
      for (const e of ENTITIES) {
        all.push({ what: e.key, lang, name: ENTITY_NAMES[e.key][lang].name });
        all.push({ what: `${e.key} acronym`, lang, name: ENTITY_NAMES[e.key][lang].acronym });
      }
      for (const k of ['preamble', 'general'] as const) all.push({ what: k, lang, name: STANDARD_SECTION_NAMES[k][lang] });
    }
    expect(all.filter((n) => n.name.trim() === '')).toEqual([]);
    expect(all).toHaveLength(4 * (8 + 24 + 3 * 2 + 2));
    // A translation that is the English name again is no translation (acronyms and "Cybersecurity"-like loans aside).
    const untranslated = all.filter((n) => n.lang !== 'en' && !n.what.endsWith('acronym') && all.some((m) => m.lang === 'en' && m.what === n.what && m.name === n.name));
    expect(untranslated).toEqual([]);
  });

  it('keeps the English names of the work plan', () => {
    expect(TOPIC_NAMES.cybersecurity.en).toBe('Cybersecurity');
    expect(AREA_NAMES[8]?.en).toBe('Inter-American Instruments and Institutions');
    expect(ENTITY_NAMES.IADB.en).toEqual({ name: 'Inter-American Defense Board', acronym: 'IADB' });
  });

  it('prints an entity heading with the acronym its language uses', () => {
    expect(sectionHeading({ kind: 'entity', key: 'IADB', title: 'Inter-American Defense Board' }, 'es')).toBe('Junta Interamericana de Defensa (JID)');
    expect(sectionHeading({ kind: 'entity', key: 'CICTE', title: 'Inter-American Committee against Terrorism' }, 'es')).toBe(
      'Comité Interamericano contra el Terrorismo (CICTE)',
    );
    expect(sectionHeading({ kind: 'entity', key: 'CICTE', title: 'Inter-American Committee against Terrorism' })).toBe(
      'Inter-American Committee against Terrorism (CICTE)',
    );
  });

  it('falls back to the stored title for a key the committee does not know', () => {
    expect(sectionName({ kind: 'topic', key: 'not-a-topic', title: 'Own title' }, 'fr')).toBe('Own title');
    expect(sectionName({ kind: 'entity', key: 'OTHER', title: 'Other body' }, 'pt')).toBe('Other body');
    expect(sectionName({ kind: 'general', key: 'general', title: 'General provisions and follow-up' }, 'pt')).toBe('Disposições gerais e acompanhamento');
    expect(areaName('Transnational Organized Crime', 'es')).toBe('Delincuencia organizada transnacional');
    expect(areaName('An area of its own', 'es')).toBe('An area of its own');
  });

  it('reads a language from an interface code', () => {
    expect(namesLanguage('es-MX')).toBe('es');
    expect(namesLanguage('pt')).toBe('pt');
    expect(namesLanguage('de')).toBeNull();
    expect(namesLanguage(undefined)).toBeNull();
  });
});
