import { DEFAULT_CAPS, importText } from '@omnibus/shared';
import { planImport } from './import-plan';
import { refusal, verdict } from './import-verdict';
import type { PlanTarget } from './import-plan.types';

const target: PlanTarget = {
  caps: DEFAULT_CAPS,
  sections: [
    { id: 'pre', kind: 'preamble', key: 'preamble', title: 'Preamble' },
    { id: 'cyb', kind: 'topic', key: 'cybersecurity', title: 'Cybersecurity' },
    { id: 'cic', kind: 'entity', key: 'CICTE', title: 'Inter-American Committee against Terrorism' },
    { id: 'gen', kind: 'general', key: 'general', title: 'General provisions and follow-up' },
  ],
  paragraphs: [{ id: 'x', sectionId: 'cyb', kind: 'substantive', status: 'pending', label: '1' }],
  delegations: [
    { code: 'CH', aliases: ['CHI', 'CHL'] },
    { code: 'MEX', aliases: [] },
    { code: 'US', aliases: ['USA'] },
  ],
};

const plan = (text: string, source: 'chair_draft' | 'entity_proposal' = 'chair_draft') => planImport(importText(text), target, { source, sections: [] });

describe('planImport', () => {
  it('maps headings to sections by title, key or "(KEY)", case and punctuation aside', () => {
    const p = plan(['HAVING SEEN the report,', 'CYBERSECURITY', '2. To urge.', 'Inter-American Committee Against Terrorism – (CICTE)', '1. To reiterate.', 'General Provisions and Follow-up', '1. To reaffirm its mandates.', '2. To request a report.'].join('\n'));
    expect(p.headings.map((h) => [h.heading, h.sectionKey])).toEqual([
      ['', 'preamble'],
      ['CYBERSECURITY', 'cybersecurity'],
      ['Inter-American Committee Against Terrorism – (CICTE)', 'CICTE'],
      ['General Provisions and Follow-up', 'general'],
    ]);
    expect(p.paragraphs.map((x) => [x.sectionKey, x.label, x.kind])).toEqual([
      ['preamble', '1', 'preambular'],
      ['cybersecurity', '2', 'substantive'],
      ['CICTE', '1', 'substantive'],
      ['general', '1', 'reaffirming'],
      ['general', '2', 'follow_up'],
    ]);
  });

  it('gives a taken label the next free one and says so', () => {
    const p = plan('Cybersecurity\n1. To urge.\n1 bis. To note.');
    expect(p.paragraphs.map((x) => [x.sourceLabel, x.label])).toEqual([['1', '2'], ['1 bis', '1 bis']]);
    expect(p.paragraphs[0]!.warnings).toEqual(['Label 1 is taken in cybersecurity; it becomes 2']);
  });

  it('resolves sponsors by code or alias, and refuses one that is no delegation of the committee', () => {
    const p = plan('Cybersecurity\n2. [CHI and usa: To endorse.]\n3. To urge [ZZ: all] states.');
    expect(p.paragraphs[0]).toMatchObject({ sponsors: ['CH', 'US'], origin: 'delegation', state: 'new', errors: [] });
    expect(p.paragraphs[1]!.errors).toEqual(['A insert bracket names "ZZ", which is not a delegation of this committee']);
    expect(p.summary.errors).toBe(1);
  });

  it('reads statuses from a compilation text and approves every paragraph of a consensus draft', () => {
    const compiled = plan('A TITLE\n(Compilation text, 1 March 2022)\nCybersecurity\n2. To urge.\n(consensus; deferred)\n3. To note.\n(consensus; deleted)');
    expect(compiled.view).toBe('compilation');
    expect(compiled.paragraphs.map((x) => x.status)).toEqual(['deferred', 'deleted']);
    const consensus = plan('A TITLE\n(Consensus draft, 1 March 2022)\nTHE GENERAL ASSEMBLY,\nRECALLING its resolutions,\nCybersecurity\n4. To urge.');
    expect(consensus.paragraphs.map((x) => [x.sectionKey, x.status])).toEqual([['preamble', 'approved'], ['cybersecurity', 'approved']]);
  });

  it('reports every paragraph past a cap, counting only paragraphs in play', () => {
    const p = plan(['Cybersecurity', '2. A.', '3. B.', '4. C.', '(consensus; withdrawn)', '5. D.', '6. E.'].join('\n'));
    expect(p.paragraphs.map((x) => [x.label, x.fits, x.cap?.used ?? null])).toEqual([
      ['2', true, null],
      ['3', true, null],
      ['4', true, null],
      ['5', false, 4],
      ['6', false, 5],
    ]);
    expect(p.caps.find((c) => c.scope === 'topic_substantive' && c.key === 'cybersecurity')).toMatchObject({ used: 5, limit: 3 });
  });

  it('takes footnotes as reservations of the delegation they name', () => {
    const p = plan('General provisions and follow-up\n1. To reaffirm.\n(Footnote 1: Mexico: reserves.)\n(Footnote 2: A note of no one.)');
    expect(p.paragraphs[0]!.reservations).toEqual([{ delegation: 'MEX', text: 'reserves.' }]);
    expect(p.paragraphs[0]!.warnings[0]).toContain('names no delegation');
  });

  it('refuses literals where no mandates paragraph may stand', () => {
    const p = plan('General provisions and follow-up\n1. To request the SMS to:\na. report.');
    expect(p.paragraphs[0]!.errors[0]).toContain('has no mandates paragraph');
  });

  it('places a Spanish resolution: the formula heads the preamble, the operative part waits for the section the secretariat chooses', () => {
    const text = ['LA ASAMBLEA GENERAL,', 'RECONOCIENDO:', 'Que la paz es un propósito esencial de la Organización;', 'Que la cooperación es fundamental,', 'RESUELVE:', '1. Encomendar al Consejo Permanente el seguimiento de esta resolución.'].join('\n');
    const p = plan(text);
    expect(p.headings.map((h) => [h.heading, h.sectionKey, h.paragraphs])).toEqual([
      ['LA ASAMBLEA GENERAL,', 'preamble', 1],
      ['RESUELVE:', null, 1],
    ]);
    expect(p.paragraphs[0]).toMatchObject({ kind: 'preambular', text: 'RECONOCIENDO: Que la paz es un propósito esencial de la Organización; Que la cooperación es fundamental,' });
    expect(p.paragraphs[1]!.errors).toEqual(['The operative part ("RESUELVE:") goes to a section you choose: choose its section']);
    expect(p.words).toEqual({ source: 30, stored: 26, listed: 4, unaccounted: 0, unaccountedSample: [] });
    const chosen = planImport(importText(text), target, { source: 'chair_draft', sections: [{ heading: 'RESUELVE:', sectionId: 'cyb' }] });
    expect(verdict(chosen, false)).toEqual({ ready: true, message: expect.stringContaining('26 of 30 words (86.6 %) will be stored; the other 4 are on the 2 lines listed') });
  });

  it('refuses a plan that would lose a word neither stored nor listed, naming the words', () => {
    const parsed = importText('Cybersecurity\n3. To urge all states.');
    // A reader that dropped words while saying it kept the line would otherwise write a shorter text without notice.
    parsed.sections[0]!.paragraphs[0]!.text = 'To urge states.';
    const p = planImport(parsed, target, { source: 'chair_draft', sections: [] });
    expect(p.words).toMatchObject({ unaccounted: 1, unaccountedSample: ['all'] });
    const refused = refusal(p, false);
    expect(refused?.message).toMatch(/^1 word of the text would be lost \(all\); nothing was imported/);
    expect(verdict(p, false).ready).toBe(false);
  });
});
