import type { Decision, DecisionView, Minutes } from '@omnibus/shared';

const DECISION_WORDS: Record<Decision, string> = {
  approved: 'approved',
  approved_as_amended: 'approved as amended',
  held: 'held in brackets for informal consultations',
  deferred: 'deferred',
  deleted: 'deleted',
};

function describe(d: DecisionView): string {
  const where = d.sectionKey === 'preamble' ? `Preambular paragraph ${d.label}` : `${d.sectionKey}, paragraph ${d.label}`;
  const lead = d.decision === 'held' && d.leadDelegation ? `, led by ${d.leadDelegation}` : '';
  return `${where}: ${DECISION_WORDS[d.decision]}${lead}. (${d.tally.text})`;
}

function when(m: Minutes): string {
  return m.meeting.start ?? m.meeting.date ?? m.openedAt;
}

/** The minutes as a secretariat files them: Markdown, decisions in the order they were taken. */
export function minutesMarkdown(m: Minutes): string {
  const lines = [
    `# Minutes: approval session ${m.number}`,
    '',
    `- Draft: ${m.draftSymbol}`,
    `- Meeting: ${m.meeting.title} (${when(m)}, times in UTC; the committee sits in ${m.meeting.timeZone})`,
    `- Opened: ${m.openedAt}; closed: ${m.closedAt}`,
    `- Result: ${m.tally.text}; ${m.tally.held} held, ${m.tally.deferred} deferred, ${m.tally.pending} pending`,
    '',
    '## Decisions',
    '',
  ];
  if (m.decisions.length === 0) lines.push('No decision was taken.');
  for (const d of m.decisions) {
    lines.push(`${d.sequence}. ${describe(d)}`);
    if (d.decision === 'approved_as_amended' && d.agreedText !== null) lines.push(`   Agreed text: “${d.agreedText}”`);
    if (d.note) lines.push(`   Note: ${d.note}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Plain text: the Markdown without its markup, for mail and for pasting into a report. */
export function minutesText(m: Minutes): string {
  return minutesMarkdown(m)
    .replace(/^# (.*)$/m, (_, title: string) => `${title.toUpperCase()}\n${'='.repeat(title.length)}`)
    .replace(/^## (.*)$/m, (_, title: string) => `${title}\n${'-'.repeat(title.length)}`)
    .replace(/^- /gm, '  ');
}
