import { DraftView, VersionClassification, isInPlay } from '@omnibus/shared';

/**
 * The revised version's three groups (work plan: "the paragraphs … on which, in principle, there
 * is consensus; … with amendments proposed by one or more delegations; and the new paragraphs
 * provided by delegations"), each in document order, over the paragraphs still in play.
 */
export function classify(draft: DraftView): VersionClassification {
  const out: VersionClassification = { consensus: [], amended: [], new: [] };
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      if (!isInPlay(p.status)) continue;
      const ref = { id: p.id, sectionKey: s.key, label: p.label };
      switch (p.state) {
        case 'consensus':
          out.consensus.push(ref);
          break;
        case 'amended':
          out.amended.push({ ...ref, amendments: p.amendments.filter((a) => a.status === 'proposed').length });
          break;
        case 'new':
          out.new.push({ ...ref, sponsors: p.sponsors });
          break;
      }
    }
  }
  return out;
}

/** "Chair's first draft", then "rev. 1", "rev. 2" … and the symbols that go with them. */
export function defaultNaming(number: number, baseSymbol: string): { name: string; symbol: string } {
  if (number === 1) return { name: "Chair's first draft", symbol: baseSymbol };
  return { name: `rev. ${number - 1}`, symbol: `${baseSymbol.replace(/\s+rev\.\s*\d+$/i, '')} rev. ${number - 1}` };
}
