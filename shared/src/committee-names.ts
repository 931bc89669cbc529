/**
 * The committee's own names in the OAS's four official languages: the eight thematic areas, the 24
 * topics, the three inter-American entities and the headings of the preamble and the general
 * section. The English names are those of committee-data.ts (the CSH work plan); the Spanish, French
 * and Portuguese ones follow the OAS's own usage (the versions of AG/RES. 2970 (LI-O/21) and the
 * entities' statutes), including the acronyms that change with the language (IADB → JID, CDMA → CMDA).
 *
 * A section is named by its key (the topic's slug, the entity's acronym, "preamble", "general"):
 * a section whose key the committee does not know keeps the title it was created with.
 */
import { ENTITIES, EntityKey, THEMATIC_AREAS, TOPICS, TopicKey } from './committee-data';
import { DOCUMENT_LANGUAGES, DocumentLanguage } from './document-words';
import type { SectionKind } from './domain';

export type Names = Readonly<Record<DocumentLanguage, string>>;

export interface EntityName {
  readonly name: string;
  readonly acronym: string;
}

const en = (number: number): string => THEMATIC_AREAS.find((a) => a.number === number)!.title;

export const AREA_NAMES: Readonly<Record<number, Names>> = Object.freeze({
  1: {
    en: en(1),
    es: 'Panorama y revisión de la seguridad multidimensional hemisférica',
    fr: 'Perspectives et examen de la sécurité multidimensionnelle du continent américain',
    pt: 'Panorama e revisão da segurança multidimensional hemisférica',
  },
  2: {
    en: en(2),
    es: 'Compromisos con la paz, el desarme y la no proliferación',
    fr: 'Engagements en faveur de la paix, du désarmement et de la non-prolifération',
    pt: 'Compromissos com a paz, o desarmamento e a não proliferação',
  },
  3: {
    en: en(3),
    es: 'Fortalecimiento de la cooperación hemisférica en materia de seguridad y defensa',
    fr: 'Renforcement de la coopération continentale en matière de sécurité et de défense',
    pt: 'Fortalecimento da cooperação hemisférica em matéria de segurança e defesa',
  },
  4: {
    en: en(4),
    es: 'Seguridad pública, justicia y prevención de la violencia y el delito',
    fr: 'Sécurité publique, justice et prévention de la violence et de la criminalité',
    pt: 'Segurança pública, justiça e prevenção da violência e do crime',
  },
  5: {
    en: en(5),
    es: 'Delincuencia organizada transnacional',
    fr: 'Criminalité organisée transnationale',
    pt: 'Crime organizado transnacional',
  },
  6: {
    en: en(6),
    es: 'Preocupaciones y desafíos regionales y especializados en materia de seguridad',
    fr: 'Préoccupations et défis régionaux et spécialisés en matière de sécurité',
    pt: 'Preocupações e desafios regionais e especializados em matéria de segurança',
  },
  7: {
    en: en(7),
    es: 'Respuesta a desastres y protección de la infraestructura crítica',
    fr: 'Intervention en cas de catastrophe et protection des infrastructures essentielles',
    pt: 'Resposta a desastres e proteção da infraestrutura crítica',
  },
  8: {
    en: en(8),
    es: 'Instrumentos e instituciones interamericanos',
    fr: 'Instruments et institutions interaméricains',
    pt: 'Instrumentos e instituições interamericanos',
  },
});

type ForeignNames = Readonly<Record<Exclude<DocumentLanguage, 'en'>, string>>;

const TOPIC_FOREIGN: Readonly<Record<TopicKey, ForeignNames>> = {
  'declaration-on-security': {
    es: 'Declaración sobre Seguridad en las Américas',
    fr: 'Déclaration sur la sécurité dans les Amériques',
    pt: 'Declaração sobre Segurança nas Américas',
  },
  'covid-19': {
    es: 'Efectos de la pandemia de COVID-19 en la seguridad hemisférica',
    fr: 'Effets de la pandémie de COVID-19 sur la sécurité continentale',
    pt: 'Efeitos da pandemia de COVID-19 na segurança hemisférica',
  },
  'sustainable-security': { es: 'Seguridad sostenible', fr: 'Sécurité durable', pt: 'Segurança sustentável' },
  disarmament: {
    es: 'Desarme y no proliferación en el Hemisferio',
    fr: 'Désarmement et non-prolifération sur le continent américain',
    pt: 'Desarmamento e não proliferação no Hemisfério',
  },
  landmines: {
    es: 'Las Américas como zona libre de minas terrestres antipersonal',
    fr: 'Les Amériques, zone exempte de mines terrestres antipersonnel',
    pt: 'As Américas como zona livre de minas terrestres antipessoal',
  },
  cdma: {
    es: 'Conferencia de Ministros de Defensa de las Américas (CMDA)',
    fr: 'Conférence des ministres de la défense des Amériques (CMDA)',
    pt: 'Conferência de Ministros da Defesa das Américas (CMDA)',
  },
  csbm: {
    es: 'Medidas de fomento de la confianza y la seguridad en las Américas',
    fr: 'Mesures de confiance et de sécurité dans les Amériques',
    pt: 'Medidas de fortalecimento da confiança e da segurança nas Américas',
  },
  mispa: {
    es: 'Proceso de Reuniones de Ministros en Materia de Seguridad Pública de las Américas (MISPA)',
    fr: 'Processus des réunions des ministres chargés de la sécurité publique des Amériques (MISPA)',
    pt: 'Processo de Reuniões de Ministros em Matéria de Segurança Pública das Américas (MISPA)',
  },
  'violence-crime-prevention': {
    es: 'Prevención de la violencia y el delito',
    fr: 'Prévention de la violence et de la criminalité',
    pt: 'Prevenção da violência e do crime',
  },
  'information-knowledge': {
    es: 'Información y conocimiento en materia de seguridad multidimensional',
    fr: 'Information et connaissances en matière de sécurité multidimensionnelle',
    pt: 'Informação e conhecimento em matéria de segurança multidimensional',
  },
  'police-cooperation': {
    es: 'Avance de la cooperación policial',
    fr: 'Progrès de la coopération policière',
    pt: 'Avanço da cooperação policial',
  },
  'public-security-coordination': {
    es: 'Mejora de la coordinación para el fortalecimiento de la seguridad pública en las Américas',
    fr: 'Amélioration de la coordination pour le renforcement de la sécurité publique dans les Amériques',
    pt: 'Melhoria da coordenação para o fortalecimento da segurança pública nas Américas',
  },
  cybersecurity: { es: 'Ciberseguridad', fr: 'Cybersécurité', pt: 'Segurança cibernética' },
  'transnational-organized-crime': {
    es: 'Combate a la delincuencia organizada transnacional',
    fr: 'Lutte contre la criminalité organisée transnationale',
    pt: 'Combate ao crime organizado transnacional',
  },
  'trafficking-in-persons': {
    es: 'Esfuerzos hemisféricos para combatir la trata de personas',
    fr: 'Efforts continentaux de lutte contre la traite des personnes',
    pt: 'Esforços hemisféricos para combater o tráfico de pessoas',
  },
  'small-arms': {
    es: 'Tráfico ilícito de armas pequeñas y armas ligeras en todos sus aspectos',
    fr: 'Trafic illicite des armes légères et de petit calibre sous tous ses aspects',
    pt: 'Tráfico ilícito de armas pequenas e armamento leve em todos os seus aspectos',
  },
  'iuu-fishing': {
    es: 'Pesca ilegal, no declarada y no reglamentada (INDNR)',
    fr: 'Pêche illicite, non déclarée et non réglementée (INN)',
    pt: 'Pesca ilegal, não declarada e não regulamentada (INN)',
  },
  sica: {
    es: 'Preocupaciones de seguridad de los Estados miembros del Sistema de la Integración Centroamericana (SICA)',
    fr: "Préoccupations en matière de sécurité des États membres du Système d'intégration centraméricaine (SICA)",
    pt: 'Preocupações de segurança dos Estados membros do Sistema da Integração Centro-Americana (SICA)',
  },
  caribbean: {
    es: 'Preocupaciones especiales de seguridad de los pequeños Estados insulares y Estados costeros de baja altitud en desarrollo del Caribe',
    fr: 'Préoccupations particulières en matière de sécurité des petits États insulaires et des États côtiers de faible élévation en développement des Caraïbes',
    pt: 'Preocupações especiais de segurança dos pequenos Estados insulares e Estados costeiros de baixa altitude em desenvolvimento do Caribe',
  },
  'climate-change': {
    es: 'Implicaciones del cambio climático para la seguridad',
    fr: 'Incidences des changements climatiques sur la sécurité',
    pt: 'Implicações da mudança do clima para a segurança',
  },
  'disaster-response': {
    es: 'Respuesta a desastres y protección de la infraestructura crítica',
    fr: 'Intervention en cas de catastrophe et protection des infrastructures essentielles',
    pt: 'Resposta a desastres e proteção da infraestrutura crítica',
  },
  cifta: {
    es: 'Convención Interamericana contra la Fabricación y el Tráfico Ilícitos de Armas de Fuego, Municiones, Explosivos y Otros Materiales Relacionados (CIFTA)',
    fr: "Convention interaméricaine contre la fabrication et le trafic illicites d'armes à feu, de munitions, d'explosifs et d'autres matériels connexes (CIFTA)",
    pt: 'Convenção Interamericana contra a Fabricação e o Tráfico Ilícitos de Armas de Fogo, Munições, Explosivos e Outros Materiais Correlatos (CIFTA)',
  },
  citaac: {
    es: 'Convención Interamericana sobre Transparencia en las Adquisiciones de Armas Convencionales',
    fr: "Convention interaméricaine sur la transparence de l'acquisition des armes classiques",
    pt: 'Convenção Interamericana sobre Transparência nas Aquisições de Armas Convencionais',
  },
  'terrorism-convention': {
    es: 'Convención Interamericana contra el Terrorismo',
    fr: 'Convention interaméricaine contre le terrorisme',
    pt: 'Convenção Interamericana contra o Terrorismo',
  },
};

export const TOPIC_NAMES: Readonly<Record<TopicKey, Names>> = Object.freeze(
  Object.fromEntries(TOPICS.map((t) => [t.key, { en: t.title, ...TOPIC_FOREIGN[t.key] }])) as Record<TopicKey, Names>,
);

const ENTITY_FOREIGN: Readonly<Record<EntityKey, Readonly<Record<Exclude<DocumentLanguage, 'en'>, EntityName>>>> = {
  CICAD: {
    es: { name: 'Comisión Interamericana para el Control del Abuso de Drogas', acronym: 'CICAD' },
    fr: { name: "Commission interaméricaine de lutte contre l'abus des drogues", acronym: 'CICAD' },
    pt: { name: 'Comissão Interamericana para o Controle do Abuso de Drogas', acronym: 'CICAD' },
  },
  CICTE: {
    es: { name: 'Comité Interamericano contra el Terrorismo', acronym: 'CICTE' },
    fr: { name: 'Comité interaméricain contre le terrorisme', acronym: 'CICTE' },
    pt: { name: 'Comitê Interamericano contra o Terrorismo', acronym: 'CICTE' },
  },
  IADB: {
    es: { name: 'Junta Interamericana de Defensa', acronym: 'JID' },
    fr: { name: 'Conseil interaméricain de défense', acronym: 'JID' },
    pt: { name: 'Junta Interamericana de Defesa', acronym: 'JID' },
  },
};

export const ENTITY_NAMES: Readonly<Record<EntityKey, Readonly<Record<DocumentLanguage, EntityName>>>> = Object.freeze(
  Object.fromEntries(ENTITIES.map((e) => [e.key, { en: { name: e.name, acronym: e.key }, ...ENTITY_FOREIGN[e.key] }])) as Record<
    EntityKey,
    Record<DocumentLanguage, EntityName>
  >,
);

/** The headings of the two sections every draft has besides its topics and entities. */
export const STANDARD_SECTION_NAMES: Readonly<Record<'preamble' | 'general', Names>> = Object.freeze({
  preamble: { en: 'Preamble', es: 'Preámbulo', fr: 'Préambule', pt: 'Preâmbulo' },
  general: {
    en: 'General provisions and follow-up',
    es: 'Disposiciones generales y seguimiento',
    fr: 'Dispositions générales et suivi',
    pt: 'Disposições gerais e acompanhamento',
  },
});

const has = <T extends object>(o: T, key: string): key is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(o, key);

/** The language a code names among the four, or null (a draft negotiated in another language keeps its titles). */
export function namesLanguage(code: string | null | undefined): DocumentLanguage | null {
  const base = (code ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(base) ? (base as DocumentLanguage) : null;
}

/** An entity's name and acronym in `lang`, or null for an entity the committee does not know. */
export function entityName(key: string, lang: DocumentLanguage): EntityName | null {
  return has(ENTITY_NAMES, key) ? ENTITY_NAMES[key][lang] : null;
}

/** A section's title in `lang` by its key; the title it carries when its key is not one of the committee's. */
export function sectionName(section: { kind: SectionKind; key: string; title: string }, lang: DocumentLanguage): string {
  switch (section.kind) {
    case 'preamble':
    case 'general':
      return section.key === section.kind ? STANDARD_SECTION_NAMES[section.kind][lang] : section.title;
    case 'topic':
      return has(TOPIC_NAMES, section.key) ? TOPIC_NAMES[section.key][lang] : section.title;
    case 'entity':
      return entityName(section.key, lang)?.name ?? section.title;
  }
}

/** A thematic area's title in `lang`, found by its English title (as the draft view carries it); the title itself otherwise. */
export function areaName(title: string, lang: DocumentLanguage): string {
  const area = THEMATIC_AREAS.find((a) => a.title === title);
  return area ? AREA_NAMES[area.number]![lang] : title;
}
