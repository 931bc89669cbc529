import {
  CapScope,
  CapsConfig,
  CapUsage,
  ParagraphKind,
  ParagraphStatus,
  SectionKind,
  isInPlay,
} from './domain';

/** The work plan's limits: "a maximum of 130 paragraphs: 6 preambular, 96 on topics, 24 on entities, 4 general". */
export const DEFAULT_CAPS: CapsConfig = {
  preamble: 6,
  topicSubstantive: 3,
  topicMandates: 1,
  entity: 8,
  entityMandates: 1,
  general: 4,
  generalReaffirming: 1,
  generalFollowUp: 3,
  total: 130,
};

export interface CapSection {
  id: string;
  kind: SectionKind;
  key: string;
}

export interface CapParagraph {
  id: string;
  sectionId: string;
  kind: ParagraphKind;
  status: ParagraphStatus;
}

/** Which kinds of paragraph a section may hold. */
const KINDS_BY_SECTION: Record<SectionKind, readonly ParagraphKind[]> = {
  preamble: ['preambular'],
  topic: ['substantive', 'mandates'],
  entity: ['substantive', 'mandates'],
  general: ['reaffirming', 'follow_up'],
};

export function kindsAllowedIn(sectionKind: SectionKind): readonly ParagraphKind[] {
  return KINDS_BY_SECTION[sectionKind];
}

export function isKindAllowed(sectionKind: SectionKind, kind: ParagraphKind): boolean {
  return KINDS_BY_SECTION[sectionKind].includes(kind);
}

/** A cap rule: which paragraphs it counts and its limit. */
interface CapRule {
  scope: CapScope;
  key: string;
  limit: number;
  counts: (section: CapSection, kind: ParagraphKind) => boolean;
}

function rulesFor(config: CapsConfig, sections: readonly CapSection[]): CapRule[] {
  const rules: CapRule[] = [];
  const inSection = (id: string) => (s: CapSection) => s.id === id;
  for (const section of sections) {
    const here = inSection(section.id);
    switch (section.kind) {
      case 'preamble':
        rules.push({ scope: 'preamble', key: section.key, limit: config.preamble, counts: here });
        break;
      case 'topic':
        rules.push(
          {
            scope: 'topic_substantive',
            key: section.key,
            limit: config.topicSubstantive,
            counts: (s, k) => here(s) && k === 'substantive',
          },
          {
            scope: 'topic_mandates',
            key: section.key,
            limit: config.topicMandates,
            counts: (s, k) => here(s) && k === 'mandates',
          },
        );
        break;
      case 'entity':
        rules.push(
          {
            scope: 'entity_mandates',
            key: section.key,
            limit: config.entityMandates,
            counts: (s, k) => here(s) && k === 'mandates',
          },
          { scope: 'entity', key: section.key, limit: config.entity, counts: here },
        );
        break;
      case 'general':
        rules.push(
          {
            scope: 'general_reaffirming',
            key: section.key,
            limit: config.generalReaffirming,
            counts: (s, k) => here(s) && k === 'reaffirming',
          },
          {
            scope: 'general_follow_up',
            key: section.key,
            limit: config.generalFollowUp,
            counts: (s, k) => here(s) && k === 'follow_up',
          },
          { scope: 'general', key: section.key, limit: config.general, counts: here },
        );
        break;
      default:
        assertNever(section.kind);
    }
  }
  rules.push({ scope: 'total', key: 'draft', limit: config.total, counts: () => true });
  return rules;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled section kind ${String(value)}`);
}

/**
 * Every cap of a draft with its limit and how many in-play paragraphs it counts, most specific
 * first within each section, the whole-draft cap last.
 */
export function evaluateCaps(
  config: CapsConfig,
  sections: readonly CapSection[],
  paragraphs: readonly CapParagraph[],
): CapUsage[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  return rulesFor(config, sections).map((rule) => {
    let used = 0;
    for (const p of paragraphs) {
      const section = byId.get(p.sectionId);
      if (section && isInPlay(p.status) && rule.counts(section, p.kind)) used += 1;
    }
    return { scope: rule.scope, key: rule.key, limit: rule.limit, used };
  });
}

export type FitResult =
  | { fits: true; caps: CapUsage[] }
  | { fits: false; reason: 'cap_exceeded'; cap: CapUsage; caps: CapUsage[] }
  | { fits: false; reason: 'kind_not_allowed'; allowed: readonly ParagraphKind[]; caps: CapUsage[] }
  | { fits: false; reason: 'unknown_section'; caps: CapUsage[] };

/**
 * Whether one more in-play paragraph of `kind` fits in `sectionId`. `excludeParagraphId` lets a
 * move or restore ignore the paragraph's own current place.
 */
export function checkFit(
  config: CapsConfig,
  sections: readonly CapSection[],
  paragraphs: readonly CapParagraph[],
  proposal: { sectionId: string; kind: ParagraphKind; excludeParagraphId?: string },
): FitResult {
  const others = proposal.excludeParagraphId
    ? paragraphs.filter((p) => p.id !== proposal.excludeParagraphId)
    : paragraphs;
  const caps = evaluateCaps(config, sections, others);
  const section = sections.find((s) => s.id === proposal.sectionId);
  if (!section) return { fits: false, reason: 'unknown_section', caps };
  if (!isKindAllowed(section.kind, proposal.kind)) {
    return { fits: false, reason: 'kind_not_allowed', allowed: kindsAllowedIn(section.kind), caps };
  }
  const rules = rulesFor(config, sections);
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i];
    const usage = caps[i];
    if (!rule || !usage) continue;
    if (rule.counts(section, proposal.kind) && usage.used + 1 > usage.limit) {
      return { fits: false, reason: 'cap_exceeded', cap: usage, caps };
    }
  }
  return { fits: true, caps };
}

/** A person-readable name for a cap, used in refusals ("the CICTE entity cap of 8 paragraphs"). */
export function describeCap(cap: Pick<CapUsage, 'scope' | 'key' | 'limit'>): string {
  const n = `${cap.limit} paragraph${cap.limit === 1 ? '' : 's'}`;
  switch (cap.scope) {
    case 'preamble':
      return `the preamble's cap of ${n}`;
    case 'topic_substantive':
      return `the cap of ${cap.limit} substantive paragraph${cap.limit === 1 ? '' : 's'} for topic "${cap.key}"`;
    case 'topic_mandates':
      return `the cap of ${cap.limit} mandates paragraph${cap.limit === 1 ? '' : 's'} for topic "${cap.key}"`;
    case 'entity':
      return `the ${cap.key} cap of ${n}`;
    case 'entity_mandates':
      return `the ${cap.key} cap of ${cap.limit} mandates paragraph${cap.limit === 1 ? '' : 's'}`;
    case 'general':
      return `the cap of ${n} in the general section`;
    case 'general_reaffirming':
      return `the cap of ${cap.limit} reaffirming paragraph${cap.limit === 1 ? '' : 's'} in the general section`;
    case 'general_follow_up':
      return `the cap of ${cap.limit} follow-up paragraph${cap.limit === 1 ? '' : 's'} in the general section`;
    case 'total':
      return `the whole draft's cap of ${n}`;
    default:
      return assertNever(cap.scope);
  }
}

/** Caps whose used count is over their limit (possible only after an audited over-cap import). */
export function overCaps(caps: readonly CapUsage[]): CapUsage[] {
  return caps.filter((c) => c.used > c.limit);
}

/** Problems with a draft's caps configuration, as sentences; empty when it is valid. */
export function validateCapsConfig(config: CapsConfig): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isInteger(value) || value < 0 || value > 10_000) {
      problems.push(`${name} must be a whole number between 0 and 10000`);
    }
  }
  if (config.entityMandates > config.entity) {
    problems.push('entityMandates cannot exceed entity: the mandates paragraph is one of the entity\'s paragraphs');
  }
  if (config.generalReaffirming + config.generalFollowUp < config.general) {
    problems.push('general cannot exceed generalReaffirming + generalFollowUp');
  }
  return problems;
}
