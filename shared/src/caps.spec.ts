import { DEFAULT_CAPS, checkFit, describeCap, evaluateCaps, validateCapsConfig, CapParagraph, CapSection } from './caps';
import { ParagraphKind, ParagraphStatus } from './domain';

const sections: CapSection[] = [
  { id: 'pre', kind: 'preamble', key: 'preamble' },
  { id: 't1', kind: 'topic', key: 'sustainable-security' },
  { id: 't2', kind: 'topic', key: 'police-cooperation' },
  { id: 'cicte', kind: 'entity', key: 'CICTE' },
  { id: 'gen', kind: 'general', key: 'general' },
];

let seq = 0;
function para(sectionId: string, kind: ParagraphKind, status: ParagraphStatus = 'pending'): CapParagraph {
  seq += 1;
  return { id: `p${seq}`, sectionId, kind, status };
}
function many(n: number, sectionId: string, kind: ParagraphKind, status: ParagraphStatus = 'pending') {
  return Array.from({ length: n }, () => para(sectionId, kind, status));
}

describe('evaluateCaps', () => {
  it('lists every cap of every section with limit and used, total last', () => {
    const caps = evaluateCaps(DEFAULT_CAPS, sections, [...many(2, 'pre', 'preambular'), para('t1', 'mandates')]);
    expect(caps.map((c) => `${c.scope}:${c.key}`)).toEqual([
      'preamble:preamble',
      'topic_substantive:sustainable-security',
      'topic_mandates:sustainable-security',
      'topic_substantive:police-cooperation',
      'topic_mandates:police-cooperation',
      'entity_mandates:CICTE',
      'entity:CICTE',
      'general_reaffirming:general',
      'general_follow_up:general',
      'general:general',
      'total:draft',
    ]);
    expect(caps[0]).toEqual({ scope: 'preamble', key: 'preamble', limit: 6, used: 2 });
    expect(caps.find((c) => c.scope === 'topic_mandates' && c.key === 'sustainable-security')?.used).toBe(1);
    expect(caps.at(-1)).toEqual({ scope: 'total', key: 'draft', limit: 130, used: 3 });
  });

  it('does not count deleted or withdrawn paragraphs but counts held, deferred and approved ones', () => {
    const ps = [
      para('pre', 'preambular', 'deleted'),
      para('pre', 'preambular', 'withdrawn'),
      para('pre', 'preambular', 'held'),
      para('pre', 'preambular', 'deferred'),
      para('pre', 'preambular', 'approved'),
    ];
    expect(evaluateCaps(DEFAULT_CAPS, sections, ps)[0]?.used).toBe(3);
  });

  it('adds up to the work plan maximum of 130 for 24 topics and 3 entities', () => {
    const topics: CapSection[] = Array.from({ length: 24 }, (_, i) => ({ id: `t${i}`, kind: 'topic', key: `t${i}` }));
    const entities: CapSection[] = ['CICAD', 'CICTE', 'IADB'].map((k) => ({ id: k, kind: 'entity', key: k }));
    const all = [{ id: 'pre', kind: 'preamble', key: 'preamble' } as CapSection, ...topics, ...entities, { id: 'gen', kind: 'general', key: 'general' } as CapSection];
    const perSection = evaluateCaps(DEFAULT_CAPS, all, [])
      .filter((c) => ['preamble', 'topic_substantive', 'topic_mandates', 'entity', 'general'].includes(c.scope))
      .reduce((n, c) => n + c.limit, 0);
    expect(perSection).toBe(DEFAULT_CAPS.total);
  });
});

describe('checkFit', () => {
  it('accepts the sixth preambular paragraph and refuses the seventh naming the cap', () => {
    const five = many(5, 'pre', 'preambular');
    expect(checkFit(DEFAULT_CAPS, sections, five, { sectionId: 'pre', kind: 'preambular' }).fits).toBe(true);
    const six = [...five, para('pre', 'preambular')];
    const r = checkFit(DEFAULT_CAPS, sections, six, { sectionId: 'pre', kind: 'preambular' });
    expect(r).toMatchObject({ fits: false, reason: 'cap_exceeded', cap: { scope: 'preamble', limit: 6, used: 6 } });
  });

  it('refuses a second mandates paragraph in a topic but not a substantive one', () => {
    const ps = [para('t1', 'mandates')];
    expect(checkFit(DEFAULT_CAPS, sections, ps, { sectionId: 't1', kind: 'mandates' })).toMatchObject({
      fits: false,
      cap: { scope: 'topic_mandates', key: 'sustainable-security', limit: 1, used: 1 },
    });
    expect(checkFit(DEFAULT_CAPS, sections, ps, { sectionId: 't1', kind: 'substantive' }).fits).toBe(true);
  });

  it('caps topics per topic: a full topic does not block another', () => {
    const ps = many(3, 't1', 'substantive');
    expect(checkFit(DEFAULT_CAPS, sections, ps, { sectionId: 't1', kind: 'substantive' }).fits).toBe(false);
    expect(checkFit(DEFAULT_CAPS, sections, ps, { sectionId: 't2', kind: 'substantive' }).fits).toBe(true);
  });

  it('counts the entity mandates paragraph within the entity cap of 8', () => {
    const ps = [...many(7, 'cicte', 'substantive'), para('cicte', 'mandates')];
    expect(checkFit(DEFAULT_CAPS, sections, ps, { sectionId: 'cicte', kind: 'substantive' })).toMatchObject({
      fits: false,
      cap: { scope: 'entity', key: 'CICTE', limit: 8, used: 8 },
    });
    const seven = many(7, 'cicte', 'substantive');
    expect(checkFit(DEFAULT_CAPS, sections, seven, { sectionId: 'cicte', kind: 'mandates' }).fits).toBe(true);
  });

  it('holds the general section to 1 reaffirming + 3 follow-up', () => {
    const ps = [para('gen', 'reaffirming')];
    expect(checkFit(DEFAULT_CAPS, sections, ps, { sectionId: 'gen', kind: 'reaffirming' })).toMatchObject({
      fits: false,
      cap: { scope: 'general_reaffirming' },
    });
    const full = [...ps, ...many(3, 'gen', 'follow_up')];
    expect(checkFit(DEFAULT_CAPS, sections, full, { sectionId: 'gen', kind: 'follow_up' })).toMatchObject({
      fits: false,
      cap: { scope: 'general_follow_up', used: 3 },
    });
  });

  it('refuses a kind that does not belong in the section', () => {
    expect(checkFit(DEFAULT_CAPS, sections, [], { sectionId: 'pre', kind: 'mandates' })).toMatchObject({
      fits: false,
      reason: 'kind_not_allowed',
      allowed: ['preambular'],
    });
    expect(checkFit(DEFAULT_CAPS, sections, [], { sectionId: 'nowhere', kind: 'substantive' }).fits).toBe(false);
  });

  it('applies the whole-draft cap after the section caps', () => {
    const tight = { ...DEFAULT_CAPS, total: 2 };
    const ps = [para('t1', 'substantive'), para('t2', 'substantive')];
    expect(checkFit(tight, sections, ps, { sectionId: 'pre', kind: 'preambular' })).toMatchObject({
      fits: false,
      cap: { scope: 'total', key: 'draft', limit: 2, used: 2 },
    });
  });

  it('ignores the paragraph itself when it moves or is restored', () => {
    const full = many(3, 't1', 'substantive');
    const moving = full[0]!;
    expect(checkFit(DEFAULT_CAPS, sections, full, { sectionId: 't1', kind: 'substantive', excludeParagraphId: moving.id }).fits).toBe(true);
  });

  it('honours caps configured per draft', () => {
    const config = { ...DEFAULT_CAPS, preamble: 1 };
    expect(checkFit(config, sections, [para('pre', 'preambular')], { sectionId: 'pre', kind: 'preambular' })).toMatchObject({
      fits: false,
      cap: { limit: 1, used: 1 },
    });
  });
});

describe('describeCap and validateCapsConfig', () => {
  it('names caps in sentences', () => {
    expect(describeCap({ scope: 'entity', key: 'CICTE', limit: 8 })).toBe('the CICTE cap of 8 paragraphs');
    expect(describeCap({ scope: 'preamble', key: 'preamble', limit: 6 })).toBe("the preamble's cap of 6 paragraphs");
  });
  it('rejects negative or fractional limits and inconsistent general caps', () => {
    expect(validateCapsConfig(DEFAULT_CAPS)).toEqual([]);
    expect(validateCapsConfig({ ...DEFAULT_CAPS, preamble: -1 })).toHaveLength(1);
    expect(validateCapsConfig({ ...DEFAULT_CAPS, total: 1.5 })).toHaveLength(1);
    expect(validateCapsConfig({ ...DEFAULT_CAPS, general: 9 })).toHaveLength(1);
  });
});
