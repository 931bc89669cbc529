import { describe, expect, it } from 'vitest';
import { section, seedLikeDraft } from '../../test/fixtures';
import { capRefusal, meterLevel, sectionMeters, totalMeter } from './draft-caps';

describe('cap meters', () => {
  it('reads each section\'s caps from the API\'s caps, the section\'s own cap first', () => {
    const draft = seedLikeDraft();
    const text = (key: string) => sectionMeters(draft, section(draft, key)).map((m) => `${m.name} ${m.cap.used}/${m.cap.limit}`);
    expect(text('preamble')).toEqual(['Preamble 0/6']);
    expect(text('CICTE')).toEqual(['CICTE 10/8', 'Mandates 0/1']);
    expect(text('terrorism-convention')).toEqual(['Substantive 2/3', 'Mandates 0/1']);
    expect(text('general')).toEqual(['General 0/4', 'Reaffirming 0/1', 'Follow-up 0/3']);
    expect(totalMeter(draft)?.cap).toMatchObject({ used: 12, limit: 130 });
  });

  it('tells open, full and over apart', () => {
    expect(meterLevel({ used: 10, limit: 8 })).toBe('over');
    expect(meterLevel({ used: 3, limit: 3 })).toBe('full');
    expect(meterLevel({ used: 0, limit: 6 })).toBe('open');
  });
});

describe('capRefusal', () => {
  it('names the full cap and its count before anyone types', () => {
    const draft = seedLikeDraft();
    expect(capRefusal(draft, section(draft, 'CICTE').id, 'substantive')).toMatch(/^The CICTE cap of 8 paragraphs is full \(10 of 8 in play, already 2 over\)/);
  });

  it('lets a paragraph through where there is room, and refuses the wrong kind', () => {
    const draft = seedLikeDraft();
    expect(capRefusal(draft, section(draft, 'preamble').id, 'preambular')).toBeNull();
    expect(capRefusal(draft, section(draft, 'terrorism-convention').id, 'substantive')).toBeNull();
    expect(capRefusal(draft, section(draft, 'preamble').id, 'substantive')).toBe('This section takes only preambular paragraphs.');
  });
});
