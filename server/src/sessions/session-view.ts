import type { DecisionView, DraftView, ParagraphView, QueueItemView, SectionView, SessionView, SpeakerView } from '@omnibus/shared';
import { tallyOf } from './queue';
import type { DecisionRow, ItemRow, SessionRow, SpeakerRow } from './sessions.repository';

export function decisionView(d: DecisionRow): DecisionView {
  return {
    id: d.id,
    sequence: d.sequence,
    paragraphId: d.paragraphId,
    sectionKey: d.sectionKey,
    label: d.label,
    decision: d.decision,
    textBefore: d.textBefore,
    agreedText: d.agreedText,
    leadDelegation: d.leadDelegation,
    note: d.note,
    decidedAt: d.decidedAt.toISOString(),
    decidedBy: d.decidedBy,
    tally: d.tally,
  };
}

export function speakerView(s: SpeakerRow): SpeakerView {
  return {
    id: s.id,
    delegation: s.delegation,
    username: s.username,
    paragraphId: s.paragraphId,
    status: s.status,
    requestedAt: s.requestedAt.toISOString(),
  };
}

export type ParagraphIndex = Map<string, { section: SectionView; paragraph: ParagraphView }>;

export function indexParagraphs(draft: DraftView): ParagraphIndex {
  const index: ParagraphIndex = new Map();
  for (const section of draft.sections) for (const paragraph of section.paragraphs) index.set(paragraph.id, { section, paragraph });
  return index;
}

export function queueItemView(item: ItemRow, index: ParagraphIndex): QueueItemView | null {
  const found = index.get(item.paragraphId);
  if (!found) return null;
  return {
    paragraphId: item.paragraphId,
    sectionKey: found.section.key,
    sectionTitle: found.section.title,
    label: found.paragraph.label,
    kind: found.paragraph.kind,
    group: item.group,
    status: item.status,
    paragraphStatus: found.paragraph.status,
    returning: item.returning,
    compiled: found.paragraph.compiled,
    position: item.position,
  };
}

export function queueView(items: readonly ItemRow[], draft: DraftView): QueueItemView[] {
  const index = indexParagraphs(draft);
  return items.map((i) => queueItemView(i, index)).filter((v): v is QueueItemView => v !== null);
}

export function sessionView(
  s: SessionRow,
  items: readonly ItemRow[],
  decisions: readonly DecisionRow[],
  speakers: readonly SpeakerRow[],
  draft: DraftView,
): SessionView {
  return {
    id: s.id,
    draftId: s.draftId,
    number: s.number,
    meeting: { id: s.meetingId, title: s.meetingTitle, start: s.meetingStart?.toISOString() ?? null, date: s.meetingDate },
    status: s.status,
    openedAt: s.openedAt.toISOString(),
    closedAt: s.closedAt?.toISOString() ?? null,
    currentParagraphId: s.currentParagraphId,
    queue: queueView(items, draft),
    decisions: decisions.map(decisionView),
    speakers: speakers.map(speakerView),
    tally: tallyOf(draft.sections.flatMap((x) => x.paragraphs.map((p) => p.status))),
  };
}
