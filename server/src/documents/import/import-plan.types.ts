import type {
  IMPORT_SOURCE_KINDS,
  CapUsage,
  CapsConfig,
  ExportView,
  ImportProblem,
  ImportedMetadata,
  LineAccount,
  LineRole,
  Literal,
  ParagraphKind,
  ParagraphOrigin,
  ParagraphState,
  ParagraphStatus,
  WordAccount,
} from '@omnibus/shared';
import type { PlannedAmendment } from './import-amendments';
import type { TargetSection } from './section-matcher';

/** A Chair's draft becomes the Chair's text; an entity's proposal is recorded as the entity's. */
export type ImportSource = (typeof IMPORT_SOURCE_KINDS)[number];

export interface PlanTarget {
  caps: CapsConfig;
  sections: TargetSection[];
  paragraphs: { id: string; sectionId: string; kind: ParagraphKind; status: ParagraphStatus; label: string }[];
  delegations: { code: string; aliases: string[] }[];
}

export interface PlanOptions {
  source: ImportSource;
  /** Sections chosen by the secretariat for headings the text does not name recognisably. */
  sections: { heading: string; sectionId: string }[];
}

export interface PlannedParagraph {
  /** 0-based place in the text. */
  index: number;
  heading: string;
  sectionId: string | null;
  sectionKey: string | null;
  /** The label the text gives it ("5 bis"), null for an unnumbered paragraph. */
  sourceLabel: string | null;
  /** The label it will have in the draft; differs from sourceLabel only when that one is taken. */
  label: string | null;
  kind: ParagraphKind | null;
  origin: ParagraphOrigin;
  state: ParagraphState;
  status: ParagraphStatus;
  /** Base text (the chapeau of a mandates paragraph), brackets taken out into `amendments`. */
  text: string;
  literals: Literal[] | null;
  sponsors: string[];
  amendments: PlannedAmendment[];
  /** Footnotes read as reservations: a delegation's code and its words. */
  reservations: { delegation: string; text: string }[];
  /** False when a cap would be passed; `cap` names it. */
  fits: boolean;
  cap: CapUsage | null;
  /** Anything that stops the import; the commit refuses while any paragraph has one. */
  errors: string[];
  /** Worth a look, but imported as shown (a label that was taken, a state note that disagrees). */
  warnings: string[];
}

export interface PlannedHeading {
  heading: string;
  sectionId: string | null;
  sectionKey: string | null;
  sectionTitle: string | null;
  paragraphs: number;
}

export interface ImportPlan {
  title: string | null;
  symbol: string | null;
  /** The view a document exported by this platform names in its subtitle; null for other texts. */
  view: ExportView | null;
  source: ImportSource;
  headings: PlannedHeading[];
  paragraphs: PlannedParagraph[];
  /** What the text reader could not make sense of, by line. */
  problems: ImportProblem[];
  /** The organ's formula ("THE GENERAL ASSEMBLY,") and the resolving formula ("RESOLVES:"), when the text has them. */
  formula: string | null;
  resolvingFormula: string | null;
  /** The adoption line, "(Adopted at the fourth plenary session, held on June 3, 2008)". */
  adoption: string | null;
  /** Header and closing lines kept as metadata: symbol, series, title, adoption, masthead. */
  metadata: ImportedMetadata[];
  /** Every non-empty line of the source and what it became. */
  lines: LineAccount[];
  /** How many lines became each role. */
  lineCounts: Record<LineRole, number>;
  /** The source's words: stored, listed in the preview, or unaccounted (lost). */
  words: WordAccount;
  /** Every cap as it would stand after the import. */
  caps: CapUsage[];
  summary: { paragraphs: number; amendments: number; errors: number; overCap: number; unmatchedHeadings: number };
}
