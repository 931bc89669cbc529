import type { DocModel, DocParagraph, DocSection } from '@omnibus/shared';

/**
 * Sections in order, each with the thematic-area heading to print before it: the area's title
 * when a topic opens a new area, null otherwise (topics of one area share one heading).
 */
export function areaChanges(model: DocModel): { section: DocSection; area: string | null }[] {
  let current: string | null = null;
  return model.sections.map((section) => {
    const area = section.area !== null && section.area !== current ? section.area : null;
    current = section.area;
    return { section, area };
  });
}

/** What a document prints after its formula, in order; every renderer walks this one list. */
export type DocumentPart =
  | { type: 'resolving' }
  | { type: 'area'; text: string }
  | { type: 'heading'; text: string; section: DocSection }
  | { type: 'paragraph'; paragraph: DocParagraph; section: DocSection };

/**
 * The preamble's paragraphs, the resolving formula ("RESOLVES:") where the operative part
 * begins, then each area heading, section heading and paragraph. A document with no paragraph at
 * all prints neither.
 */
export function documentParts(model: DocModel): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let resolved = false;
  for (const { section, area } of areaChanges(model)) {
    if (section.kind !== 'preamble' && !resolved) {
      parts.push({ type: 'resolving' });
      resolved = true;
    }
    if (area !== null) parts.push({ type: 'area', text: area });
    if (section.heading !== null) parts.push({ type: 'heading', text: section.heading, section });
    for (const paragraph of section.paragraphs) parts.push({ type: 'paragraph', paragraph, section });
  }
  if (!resolved && model.sections.length > 0) parts.push({ type: 'resolving' });
  return parts;
}

/** "CP/CSH/xxxx/22 rev. 1" → "CP-CSH-xxxx-22-rev-1": a file name every system accepts. */
export function fileStem(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'draft';
}
