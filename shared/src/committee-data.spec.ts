import {
  COMMITTEE,
  ENTITIES,
  MEETINGS,
  MILESTONES,
  OFFICERS,
  REPORT_REMINDERS,
  THEMATIC_AREAS,
  TOPICS,
  TOPICS_FROM_OUTSIDE_SEED,
  findTopic,
  thematicArea,
  topicsOfArea,
} from './committee-data';
import { resolveDelegationCode } from './delegations';

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

describe('committee', () => {
  it('is the CSH 2021–2022 meeting in Washington', () => {
    expect(COMMITTEE).toMatchObject({
      name: 'Committee on Hemispheric Security',
      acronym: 'CSH',
      period: '2021–2022',
      timeZone: 'America/New_York',
    });
  });

  it('has the chair from Trinidad and Tobago and vice-chairs from Mexico, Ecuador and El Salvador', () => {
    expect(OFFICERS.filter((o) => o.role === 'chair').map((o) => o.delegation)).toEqual(['TT']);
    expect(OFFICERS.filter((o) => o.role === 'vice_chair').map((o) => o.delegation)).toEqual(['MEX', 'ECU', 'SAL']);
    for (const o of OFFICERS) {
      expect(resolveDelegationCode(o.delegation)).toBe(o.delegation);
      expect(isIsoDate(o.electedOn)).toBe(true);
    }
    expect(OFFICERS[0]?.name).toBe('Anthony Phillips-Spencer');
  });
});

describe('thematic areas and topics', () => {
  it('has the 8 thematic areas numbered 1–8 in order', () => {
    expect(THEMATIC_AREAS.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(thematicArea(8)?.title).toBe('Inter-American Instruments and Institutions');
    expect(thematicArea(9)).toBeNull();
  });

  it('has 24 topics with unique kebab-case keys and unique titles', () => {
    expect(TOPICS).toHaveLength(24);
    expect(new Set(TOPICS.map((t) => t.key)).size).toBe(24);
    expect(new Set(TOPICS.map((t) => t.title)).size).toBe(24);
    for (const t of TOPICS) expect(t.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('puts every topic under one of the 8 areas, every area has one, in area order', () => {
    for (const t of TOPICS) {
      expect(Number.isInteger(t.area)).toBe(true);
      expect(t.area).toBeGreaterThanOrEqual(1);
      expect(t.area).toBeLessThanOrEqual(8);
    }
    for (const a of THEMATIC_AREAS) expect(topicsOfArea(a.number).length).toBeGreaterThan(0);
    const areas = TOPICS.map((t) => t.area);
    expect([...areas].sort((x, y) => x - y)).toEqual(areas);
  });

  it('keeps the entities out of the topics', () => {
    expect(ENTITIES.map((e) => e.key).sort()).toEqual(['CICAD', 'CICTE', 'IADB']);
    for (const t of TOPICS) expect(t.title).not.toMatch(/^Inter-American (Drug|Committee|Defense)/);
    expect(findTopic('cicte')).toBeNull();
  });

  it('knows the seed topics and which came from outside the seed', () => {
    expect(findTopic('sustainable-security')?.area).toBe(1);
    expect(findTopic('police-cooperation')?.area).toBe(4);
    expect(findTopic('terrorism-convention')?.title).toBe('Inter-American Convention against Terrorism');
    for (const key of TOPICS_FROM_OUTSIDE_SEED) expect(findTopic(key)).not.toBeNull();
  });
});

describe('schedule', () => {
  it('dates every meeting with a valid ISO date in 2022 and valid times', () => {
    expect(MEETINGS.length).toBeGreaterThan(0);
    for (const m of MEETINGS) {
      expect(isIsoDate(m.date)).toBe(true);
      expect(m.date.startsWith('2022-')).toBe(true);
      if (m.endDate !== undefined) {
        expect(isIsoDate(m.endDate)).toBe(true);
        expect(m.endDate > m.date).toBe(true);
      }
      for (const t of [m.start, m.end]) if (t !== undefined) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      if (m.start !== undefined && m.end !== undefined) expect(m.end > m.start).toBe(true);
      expect(m.agenda.length).toBeGreaterThan(0);
    }
  });

  it('lists the meetings in date order, February to the October MISPA', () => {
    const dates = MEETINGS.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]).toBe('2022-02-10');
    expect(MEETINGS[MEETINGS.length - 1]).toMatchObject({ date: '2022-10-24', endDate: '2022-10-25', kind: 'event' });
    expect(MEETINGS.filter((m) => m.kind === 'all_day').map((m) => m.date)).toEqual(['2022-09-13', '2022-09-15']);
  });

  it('refers every agenda item to an existing topic, and paragraph refs look like "96.c"', () => {
    const keys = new Set<string>(TOPICS.map((t) => t.key));
    const entityKeys = new Set<string>(ENTITIES.map((e) => e.key));
    for (const m of MEETINGS) {
      for (const item of m.agenda) {
        expect(item.text.trim().length).toBeGreaterThan(0);
        if (item.topicKey !== undefined) expect(keys.has(item.topicKey)).toBe(true);
        if (item.entityKey !== undefined) expect(entityKeys.has(item.entityKey)).toBe(true);
        for (const ref of item.paragraphRefs ?? []) expect(ref).toMatch(/^\d{1,3}(\.[a-z])?$/);
      }
    }
  });

  it('presents the first version on July 14 at a meeting', () => {
    const july14 = MEETINGS.find((m) => m.date === '2022-07-14');
    expect(july14?.agenda.some((i) => /first version of the draft resolution/.test(i.text))).toBe(true);
  });
});

describe('milestones and reminders', () => {
  it('has the August 14 comment deadline, the first version and the revised distribution', () => {
    expect(MILESTONES).toContainEqual({
      date: '2022-08-14',
      kind: 'comment_deadline',
      title: 'Deadline to receive comments on the first version of the draft resolution, as well as new paragraphs',
    });
    expect(MILESTONES.find((m) => m.kind === 'first_version')?.date).toBe('2022-07-14');
    expect(MILESTONES.find((m) => m.kind === 'revised_distribution')?.date).toBe('2022-08-22');
    for (const m of MILESTONES) expect(isIsoDate(m.date)).toBe(true);
  });

  it('dates the annual report reminders by month and day', () => {
    const dated = REPORT_REMINDERS.filter((r) => r.monthDay !== null);
    expect(dated.map((r) => r.monthDay)).toEqual(['04-15', '06-15', '07-01', '07-01', '07-15', '07-15']);
    for (const r of REPORT_REMINDERS) {
      expect(r.voluntary).toBe(r.monthDay === null);
      if (r.monthDay !== null) expect(isIsoDate(`2022-${r.monthDay}`)).toBe(true);
    }
  });
});
