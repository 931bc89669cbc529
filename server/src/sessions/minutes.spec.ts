import type { DecisionView, Minutes } from '@omnibus/shared';
import { minutesMarkdown, minutesText } from './minutes';

const tally = (approved: number) => ({ approved, total: 12, held: 1, deferred: 1, pending: 7, deleted: 1, text: `${approved} of 12 approved` });
const decision = (sequence: number, over: Partial<DecisionView>): DecisionView => ({
  id: `d${sequence}`,
  sequence,
  paragraphId: `p${sequence}`,
  sectionKey: 'CICTE',
  label: String(sequence),
  decision: 'approved',
  textBefore: 'Text.',
  agreedText: null,
  leadDelegation: null,
  note: null,
  decidedAt: '2022-09-01T14:30:00.000Z',
  decidedBy: 'chair',
  tally: tally(sequence),
  ...over,
});

const minutes: Minutes = {
  sessionId: 's',
  draftId: 'd',
  draftSymbol: 'CP/CSH/xxxx/22 rev. 1',
  number: 1,
  meeting: { title: 'Regular Meeting of the CSH', start: '2022-09-01T14:00:00.000Z', date: null, timeZone: 'America/New_York' },
  openedAt: '2022-09-01T14:05:00.000Z',
  closedAt: '2022-09-01T16:55:00.000Z',
  decisions: [
    decision(1, {}),
    decision(2, { decision: 'approved_as_amended', agreedText: 'To request that the SMS provide assistance.' }),
    decision(3, { decision: 'held', leadDelegation: 'MEX', label: '5 bis' }),
  ],
  tally: tally(2),
};

describe('minutes of an approval session', () => {
  it('list the decisions in the order they were taken, with the running tally', () => {
    const md = minutesMarkdown(minutes);
    expect(md).toContain('# Minutes: approval session 1');
    expect(md).toContain('1. CICTE, paragraph 1: approved. (1 of 12 approved)');
    expect(md).toContain('2. CICTE, paragraph 2: approved as amended. (2 of 12 approved)\n   Agreed text: “To request that the SMS provide assistance.”');
    expect(md).toContain('3. CICTE, paragraph 5 bis: held in brackets for informal consultations, led by MEX. (3 of 12 approved)');
    expect(md.indexOf('1. CICTE')).toBeLessThan(md.indexOf('3. CICTE'));
  });

  it('come as plain text without Markdown markup', () => {
    const text = minutesText(minutes);
    expect(text.startsWith('MINUTES: APPROVAL SESSION 1\n===========================')).toBe(true);
    expect(text).not.toMatch(/^#/m);
    expect(text).toContain('  Draft: CP/CSH/xxxx/22 rev. 1');
  });
});
