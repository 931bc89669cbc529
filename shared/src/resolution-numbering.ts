/**
 * OAS resolutions number their operative paragraphs straight through the whole text (the CSH's
 * work plan cites "paragraph 140 of resolution AG/RES. 2950 (L-O/20)" and "paragraphs 44.b and
 * 45" of AG/RES. 2970), while a draft keeps each section's labels of its own ("5 bis" in CICTE),
 * which is how entities send their proposals. Documents print the resolution's numbers; the
 * importer reads them back into the section's own labels.
 */
import type { Segment } from './brackets';
import type { ImportedParagraph, ImportedText } from './import-text';
import { normalizeLabel, rewriteCrossReferences } from './labels';

const LABEL = /^(\d+)(.*)$/;

function split(label: string): { base: number; rest: string } | null {
  const m = LABEL.exec(normalizeLabel(label) ?? label.trim());
  return m ? { base: Number(m[1]), rest: m[2] ?? '' } : null;
}

/**
 * The number each paragraph prints in a compilation text, by section and label: the section's
 * own number shifted by the numbers the sections before it use, its suffix kept ("5 bis" of the
 * second section after a section numbered up to 12 prints "17 bis"). Preambular paragraphs are
 * not numbered.
 */
export function compilationNumbers(
  sections: readonly { id: string; kind: string; paragraphs: readonly { label: string }[] }[],
): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  let offset = 0;
  for (const s of sections) {
    const map = new Map<string, string>();
    maps.set(s.id, map);
    if (s.kind === 'preamble') continue;
    let highest = 0;
    for (const p of s.paragraphs) {
      const parts = split(p.label);
      if (!parts) continue;
      map.set(normalizeLabel(p.label) ?? p.label, `${offset + parts.base}${parts.rest}`);
      highest = Math.max(highest, parts.base);
    }
    offset += highest;
  }
  return maps;
}

/** Cross-references inside bracket segments, rewritten with a section's numbers. */
export function rewriteSegments(segments: readonly Segment[], map: ReadonlyMap<string, string>): Segment[] {
  const r = (s: string) => rewriteCrossReferences(s, map);
  return segments.map((s): Segment => {
    switch (s.type) {
      case 'insert':
        // A new paragraph's nested proposals are renumbered with its own words.
        return s.nested ? { ...s, text: r(s.text), nested: rewriteSegments(s.nested, map) } : { ...s, text: r(s.text) };
      case 'text':
      case 'delete':
        return { ...s, text: r(s.text) };
      case 'replace':
        return { ...s, from: r(s.from), to: r(s.to) };
      case 'alternatives':
        return { ...s, options: s.options.map((o) => ({ ...o, text: r(o.text) })) };
    }
  });
}

function relabel(p: ImportedParagraph, map: ReadonlyMap<string, string>): ImportedParagraph {
  const r = (s: string) => rewriteCrossReferences(s, map);
  const key = p.label === null ? null : (normalizeLabel(p.label) ?? p.label);
  return {
    ...p,
    label: key === null ? null : (map.get(key) ?? p.label),
    text: r(p.text),
    segments: rewriteSegments(p.segments, map),
    ...(p.chapeau === undefined ? {} : { chapeau: r(p.chapeau) }),
    ...(p.literals === undefined ? {} : { literals: p.literals.map((l) => ({ ...l, text: r(l.text) })) }),
  };
}

/**
 * A text numbered straight through (a resolution, or this platform's export) read back into each
 * section's own labels: a section whose first paragraph is 13 is shifted by 12, its "17 bis"
 * becomes "5 bis", and references to its own paragraphs move with them. Only a text whose first
 * section starts at 1 and whose every later section starts right after the one before is read
 * so; an entity's proposal (each section from 1) or a text out of order is left as written.
 */
export function sectionLocalNumbers(text: ImportedText): ImportedText {
  const numbered = text.sections.map((s) => s.paragraphs.map((p) => (p.label === null ? null : split(p.label))).filter((x) => x !== null));
  const bases = numbered.filter((n) => n.length > 0);
  if (bases.length < 2 || bases[0]![0]!.base !== 1) return text;
  let highest = 0;
  for (const n of bases) {
    if (n[0]!.base !== highest + 1 || n.some((x) => x.base < n[0]!.base)) return text;
    highest = Math.max(...n.map((x) => x.base));
  }
  return {
    ...text,
    printedSections: text.sections,
    sections: text.sections.map((s, i) => {
      const first = numbered[i]![0];
      if (!first || first.base === 1) return s;
      const shift = first.base - 1;
      const map = new Map<string, string>();
      for (const p of s.paragraphs) {
        const parts = p.label === null ? null : split(p.label);
        if (parts) map.set(normalizeLabel(p.label!) ?? p.label!, `${parts.base - shift}${parts.rest}`);
      }
      return { ...s, paragraphs: s.paragraphs.map((p) => relabel(p, map)) };
    }),
  };
}
