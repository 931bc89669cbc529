import type { DocModel, DocSection } from '@omnibus/shared';

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

/** "CP/CSH/xxxx/22 rev. 1" → "CP-CSH-xxxx-22-rev-1": a file name every system accepts. */
export function fileStem(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'draft';
}
