import { ConsensusDraft, ConsensusParagraph, DraftView, consensusNumbers, normalizeLabel, rewriteCrossReferences } from '@omnibus/shared';

/**
 * The consensus draft as the General Assembly receives it: approved paragraphs only, their agreed
 * text with no brackets or sponsors, operative paragraphs numbered 1, 2, 3 … through the whole
 * resolution (preambular paragraphs are not numbered), every "paragraph 5 bis" rewritten to its
 * new number within its own section (labels repeat across sections), and each reservation as a
 * footnote in the name of its delegation.
 */
export function buildConsensusDraft(draft: DraftView): ConsensusDraft {
  const footnotes: ConsensusDraft['footnotes'] = [];
  const sections: ConsensusDraft['sections'] = [];
  // The same numbering the document exports use, so the API and the issued document agree.
  const numbers = consensusNumbers(draft.sections);
  let outstanding = 0;
  for (const s of draft.sections) {
    outstanding += s.paragraphs.filter((p) => p.status !== 'approved' && p.status !== 'deleted' && p.status !== 'withdrawn').length;
    const approved = s.paragraphs.filter((p) => p.status === 'approved');
    const numbered = s.kind !== 'preamble';
    const map = numbers.get(s.id) ?? new Map<string, string>();
    const paragraphs = approved.map((p): ConsensusParagraph => {
      const notes = (p.reservations ?? []).map((r) => {
        const number = footnotes.length + 1;
        footnotes.push({ number, paragraphId: p.id, delegation: r.delegation, text: r.text });
        return number;
      });
      const out: ConsensusParagraph = {
        id: p.id,
        number: numbered ? (map.get(normalizeLabel(p.label) ?? p.label) ?? null) : null,
        negotiationLabel: p.label,
        kind: p.kind,
        text: rewriteCrossReferences(p.text, map),
        footnotes: notes,
      };
      if (p.literals) out.literals = p.literals.map((l) => ({ label: l.label, text: rewriteCrossReferences(l.text, map) }));
      return out;
    });
    if (paragraphs.length > 0) sections.push({ key: s.key, kind: s.kind, title: s.title, paragraphs });
  }
  return { draftId: draft.id, title: draft.title, symbol: draft.symbol, sections, footnotes, outstanding };
}
