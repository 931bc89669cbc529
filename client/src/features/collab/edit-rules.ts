import type { Mark, Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { decodeSponsors } from '@omnibus/shared/collab-model';
import { BASE_SPAN, spanRefusal, type EditRights, type TextSpan } from '@omnibus/shared/edit-rules';
import { paragraphSchema } from './schema';
import { i18n } from '../../i18n';

/**
 * A ProseMirror transaction judged by the co-editing rules the server applies too
 * (shared/src/edit-rules.ts), so a refused edit is stopped before it is typed: this file only
 * finds which runs of text a transaction touches and words the refusal; the rights are the
 * server's (`actions` of the paragraph, the co-editing session's `canWrite`).
 */
export type { EditRights };

export type EditVerdict = { ok: true } | { ok: false; message: string };

const { proposed, marked } = paragraphSchema.marks;

function proposedMark(marks: readonly Mark[]): Mark | undefined {
  return marks.find((m) => m.type === proposed);
}

function bracketIds(doc: Node): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const m of node.marks) ids.add(`${m.type.name}:${String(m.attrs.id)}`);
  });
  return ids;
}

/** What run of the paragraph a text node is, in the shared rules' terms. */
function spanOf(marks: readonly Mark[]): TextSpan {
  const p = proposedMark(marks);
  if (p) return { kind: 'bracket', sponsors: decodeSponsors(String(p.attrs.sponsors)) };
  return marks.some((m) => m.type === marked) ? { kind: 'marked' } : BASE_SPAN;
}

function textNodeVerdict(rights: EditRights, marks: readonly Mark[], what: 'change' | 'type'): EditVerdict {
  const span = spanOf(marks);
  const refusal = spanRefusal(rights, span);
  switch (refusal) {
    case null:
      return { ok: true };
    case 'bracket_foreign':
      return { ok: false, message: i18n.t('collab:rule.notYours', { sponsors: span.kind === 'bracket' ? span.sponsors.join(', ') : '' }) };
    case 'marked':
      return { ok: false, message: i18n.t('collab:rule.marked') };
    case 'base_text':
      return {
        ok: false,
        message:
          rights.delegation !== null
            ? i18n.t(`collab:rule.onlyInside.${what}`, { delegation: rights.delegation })
            : i18n.t('collab:rule.sponsorsOnly'),
      };
  }
}

/** Whether a local transaction keeps to the rights; remote ones are the server's business. */
export function judgeTransaction(rights: EditRights, tr: Transaction): EditVerdict {
  if (!tr.docChanged) return { ok: true };
  if (!rights.write) return { ok: false, message: i18n.t('collab:rule.readOnly') };
  let removes = false;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const before = tr.docs[i];
    if (!step || !before) continue;
    const json = step.toJSON() as { stepType: string };
    if (json.stepType !== 'replace') return { ok: false, message: i18n.t('collab:rule.typingOnly') };
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: { content: Node['content'] } };
    let verdict: EditVerdict = { ok: true };
    if (to > from) {
      removes = true;
      before.nodesBetween(from, to, (node) => {
        if (verdict.ok && node.isText) verdict = textNodeVerdict(rights, node.marks, 'change');
        return verdict.ok;
      });
    }
    if (!verdict.ok) return verdict;
    slice.content.forEach((node) => {
      if (verdict.ok && node.isText) verdict = textNodeVerdict(rights, node.marks, 'type');
    });
    if (!verdict.ok) return verdict;
    // Base text typed between two words a bracket marks would cut that bracket in two.
    if (from === to && from > 0 && from < before.content.size) {
      const left = before.resolve(from).nodeBefore?.marks ?? [];
      const right = before.resolve(from).nodeAfter?.marks ?? [];
      const cut = left.some((m) => m.type === marked && right.some((r) => r.eq(m)));
      let typesBase = false;
      slice.content.forEach((node) => {
        if (!proposedMark(node.marks)) typesBase = true;
      });
      if (cut && typesBase) return { ok: false, message: i18n.t('collab:rule.marked') };
    }
  }
  // Only a step that removes words can take a bracket's last words with it; typing alone keeps every bracket.
  if (!removes) return { ok: true };
  const after = bracketIds(tr.doc);
  for (const id of bracketIds(tr.before)) {
    if (!after.has(id)) return { ok: false, message: i18n.t('collab:rule.bracketKept') };
  }
  return { ok: true };
}
