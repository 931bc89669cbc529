/**
 * Seed data for the demo committee: the OAS Committee on Hemispheric Security (CSH), 2021–2022,
 * taken from its Work Plan and annexed Schedule of Activities (seeds/csh-work-plan-2021-2022.txt).
 *
 * Paragraph numbers (`paragraphRefs`) are operative paragraphs of resolution AG/RES. 2970 (LI-O/21),
 * as the annex's footnote says; references to other resolutions stay in the item's text only.
 * Dates and times are local to the committee's time zone (OAS headquarters, Washington, D.C.).
 */

// ---------------------------------------------------------------------------------------------
// The committee and its officers

export interface Committee {
  readonly name: string;
  readonly acronym: string;
  readonly period: string;
  /** IANA time zone the schedule's dates and times are in. */
  readonly timeZone: string;
  /** The Permanent Council installed the committee for the period at its meeting of this date. */
  readonly installedOn: string;
}

export const COMMITTEE: Committee = Object.freeze({
  name: 'Committee on Hemispheric Security',
  acronym: 'CSH',
  period: '2021–2022',
  timeZone: 'America/New_York',
  installedOn: '2021-12-15',
});

export type OfficerRole = 'chair' | 'vice_chair';

export interface Officer {
  readonly role: OfficerRole;
  /** The office as the work plan names it. */
  readonly office: 'Chair' | 'First Vice-Chair' | 'Second Vice-Chair' | 'Third Vice-Chair';
  readonly honorific: 'Ambassador' | 'Mr.';
  readonly name: string;
  readonly position: string;
  /** Primary delegation code (see delegations.ts). */
  readonly delegation: string;
  readonly electedOn: string;
  readonly electedBy: 'Permanent Council' | 'Committee';
}

/** Work plan, section "Officers". */
export const OFFICERS: readonly Officer[] = Object.freeze([
  {
    role: 'chair',
    office: 'Chair',
    honorific: 'Ambassador',
    name: 'Anthony Phillips-Spencer',
    position: 'Permanent Representative of Trinidad and Tobago to the OAS',
    delegation: 'TT',
    electedOn: '2022-01-19',
    electedBy: 'Permanent Council',
  },
  {
    role: 'vice_chair',
    office: 'First Vice-Chair',
    honorific: 'Ambassador',
    name: 'Luz Elena Baños Rivas',
    position: 'Permanent Representative of Mexico to the OAS',
    delegation: 'MEX',
    electedOn: '2022-01-19',
    electedBy: 'Permanent Council',
  },
  {
    role: 'vice_chair',
    office: 'Second Vice-Chair',
    honorific: 'Mr.',
    name: 'Marco Ponce Villacis',
    position: 'Alternate Representative of Ecuador',
    delegation: 'ECU',
    electedOn: '2022-02-10',
    electedBy: 'Committee',
  },
  {
    role: 'vice_chair',
    office: 'Third Vice-Chair',
    honorific: 'Mr.',
    name: 'Kennedy Obed Reyes Lazo',
    position: 'Alternate Representative of El Salvador',
    delegation: 'SAL',
    electedOn: '2022-02-10',
    electedBy: 'Committee',
  },
] as const satisfies readonly Officer[]);

// ---------------------------------------------------------------------------------------------
// Thematic areas and topics

export interface ThematicArea {
  /** 1–8, in the work plan's order. */
  readonly number: number;
  readonly title: string;
}

/**
 * "In keeping with the practice of previous years, topics included in the schedule of meetings are
 * organized under the following eight thematic areas, identified in resolution AG/RES. 2970 (LI-O/21)".
 * Titles as the work plan lists them, without the list's trailing punctuation ("; and").
 */
export const THEMATIC_AREAS: readonly ThematicArea[] = Object.freeze([
  { number: 1, title: 'Hemispheric Multidimensional Security Outlook and Review' },
  { number: 2, title: 'Commitments to Peace, Disarmament, and Non-Proliferation' },
  { number: 3, title: 'Strengthening Hemispheric Security and Defense Cooperation' },
  { number: 4, title: 'Public Security, Justice, and Violence and Crime Prevention' },
  { number: 5, title: 'Transnational Organized Crime' },
  { number: 6, title: 'Regional and Specialized Security Concerns and Challenges' },
  { number: 7, title: 'Disaster Response and Critical Infrastructure Protection' },
  { number: 8, title: 'Inter-American Instruments and Institutions' },
]);

export interface Topic {
  /** Short stable kebab-case slug; section keys of the draft use it. */
  readonly key: string;
  readonly title: string;
  /** Number of its thematic area (1–8). */
  readonly area: number;
}

/**
 * The 24 topics of the omnibus resolution ("three (3) substantive paragraphs and one (1) paragraph
 * with mandates … for each one of the 24 topics").
 *
 * Derivation: the topic headings under each thematic area in the annexed schedule's agendas,
 * ordered within each area by the AG/RES. 2970 (LI-O/21) paragraph numbers the schedule cites for
 * them (which is the resolution's own order). The schedule yields 22 topics:
 *  - 21 explicit topic headings;
 *  - area 7 has no topic heading of its own: the schedule lists its items (paragraphs 66–67)
 *    directly under the area heading, so the area heading is its single topic;
 *  - "illegal, unreported, and unregulated (IUU) fishing" (paragraph 53) is a dialogue item directly
 *    under area 6 rather than a heading; it is counted as a topic because it has its own paragraph
 *    between the small-arms (52) and SICA (54–56) topics.
 * Not topics: "Annual Reports, Article 91.f of the OAS Charter" and the CICAD, CICTE and IADB
 * headings (these are the ENTITIES), "Other topics – Programs and Projects of the SMS" (outside
 * the eight areas), the special meeting on women's leadership (an event without paragraphs), the
 * San José Treaty report (paragraph 70, a single item with no heading) and the pending meetings
 * with the UN Peacebuilding Commission (paragraph 4) and on penitentiary and prison policies
 * (paragraph 34), which have no heading in the schedule.
 *
 * Two topics come from OUTSIDE the seed's headings, from the sections of AG/RES. 2970 (LI-O/21)
 * (listed in TOPICS_FROM_OUTSIDE_SEED):
 *  - "Cybersecurity" (area 4): the special meeting on cyber-security and -defense covers
 *    paragraphs 40–43, which fall between area 4's last topic (37–38) and area 5's first (44–46);
 *    placed in area 4.
 *  - "Inter-American Convention on Transparency in Conventional Weapons Acquisitions" (area 8): the
 *    seed names it only in the report reminders and in the CITAAC conference (paragraph 79).
 * "Conference of Ministers of Defense of the Americas", CIFTA and "Confidence- and security-building
 * measures" are headings in the seed itself.
 */
export const TOPICS = Object.freeze([
  // 1. Hemispheric Multidimensional Security Outlook and Review
  { key: 'declaration-on-security', title: 'Declaration on Security in the Americas', area: 1 }, // ¶ 2
  { key: 'covid-19', title: 'Effects of the COVID-19 pandemic on hemispheric security', area: 1 }, // ¶ 3
  { key: 'sustainable-security', title: 'Sustainable Security', area: 1 }, // ¶ 5
  // 2. Commitments to Peace, Disarmament, and Non-Proliferation
  { key: 'disarmament', title: 'Disarmament and non-proliferation in the Hemisphere', area: 2 }, // ¶ 9–10
  { key: 'landmines', title: 'The Americas as an antipersonnel-land-mine-free zone', area: 2 }, // ¶ 13–14
  // 3. Strengthening Hemispheric Security and Defense Cooperation
  { key: 'cdma', title: 'Conference of Ministers of Defense of the Americas (CDMA)', area: 3 }, // ¶ 16–17
  { key: 'csbm', title: 'Confidence- and security-building measures in the Americas', area: 3 }, // ¶ 19–21
  // 4. Public Security, Justice, and Violence and Crime Prevention
  {
    key: 'mispa',
    title: 'Process of Meetings of Ministers Responsible for Public Security in the Americas (MISPA)',
    area: 4,
  }, // ¶ 22
  { key: 'violence-crime-prevention', title: 'Preventing violence and crime', area: 4 }, // ¶ 25–26
  {
    key: 'information-knowledge',
    title: 'Information and knowledge with regard to multidimensional security',
    area: 4,
  }, // ¶ 27–29
  { key: 'police-cooperation', title: 'Advancing police cooperation', area: 4 }, // ¶ 30–33
  {
    key: 'public-security-coordination',
    title: 'Improved Coordination for Strengthening Public Security in the Americas',
    area: 4,
  }, // ¶ 37–38
  { key: 'cybersecurity', title: 'Cybersecurity', area: 4 }, // ¶ 40–43 — outside the seed's headings
  // 5. Transnational Organized Crime
  { key: 'transnational-organized-crime', title: 'Combating transnational organized crime', area: 5 }, // ¶ 44–46
  { key: 'trafficking-in-persons', title: 'Hemispheric efforts to combat trafficking in persons', area: 5 }, // ¶ 47–50
  {
    key: 'small-arms',
    title: 'Illicit trafficking in small arms and light weapons in all its aspects',
    area: 5,
  }, // ¶ 52
  // 6. Regional and Specialized Security Concerns and Challenges
  { key: 'iuu-fishing', title: 'Illegal, unreported, and unregulated (IUU) fishing', area: 6 }, // ¶ 53
  {
    key: 'sica',
    title: 'Security concerns of member states of the Central American Integration System (SICA)',
    area: 6,
  }, // ¶ 54–56
  {
    key: 'caribbean',
    title: 'Special security concerns of the small island and low-lying coastal developing states of the Caribbean',
    area: 6,
  }, // ¶ 60–61
  { key: 'climate-change', title: 'Security implications of climate change', area: 6 }, // ¶ 62–64
  // 7. Disaster Response and Critical Infrastructure Protection
  {
    key: 'disaster-response',
    title: 'Disaster response and critical infrastructure protection',
    area: 7,
  }, // ¶ 66–67
  // 8. Inter-American Instruments and Institutions
  {
    key: 'cifta',
    title:
      'Inter-American Convention against the Illicit Manufacture of and Trafficking in Firearms, Ammunition, Explosives, and Other Related Materials (CIFTA)',
    area: 8,
  }, // ¶ 73–78
  {
    key: 'citaac',
    title: 'Inter-American Convention on Transparency in Conventional Weapons Acquisitions',
    area: 8,
  }, // ¶ 79 — outside the seed's headings
  { key: 'terrorism-convention', title: 'Inter-American Convention against Terrorism', area: 8 }, // ¶ 80–82
] as const satisfies readonly Topic[]);

export type TopicKey = (typeof TOPICS)[number]['key'];

/** Topics whose heading is not in the seed's schedule (taken from AG/RES. 2970 (LI-O/21)). */
export const TOPICS_FROM_OUTSIDE_SEED: readonly TopicKey[] = Object.freeze(['cybersecurity', 'citaac'] as const);

// ---------------------------------------------------------------------------------------------
// Inter-American entities (their own sections, not topics)

export type EntityKey = 'CICAD' | 'CICTE' | 'IADB';

export interface Entity {
  readonly key: EntityKey;
  readonly name: string;
}

/**
 * The three entities whose annual reports the CSH considers (Article 91.f of the OAS Charter), each
 * with up to eight paragraphs in the draft. In the order of the SPEC and the work plan's
 * negotiation section ("CICAD, CICTE, and IADB"). In AG/RES. 2970 (LI-O/21) they sit in area 8 in the
 * order CICTE (¶ 83–92), IADB (¶ 93–100), CICAD (¶ 101–108), per the paragraph numbers the schedule
 * cites.
 */
export const ENTITIES: readonly Entity[] = Object.freeze([
  { key: 'CICAD', name: 'Inter-American Drug Abuse Control Commission' },
  { key: 'CICTE', name: 'Inter-American Committee against Terrorism' },
  { key: 'IADB', name: 'Inter-American Defense Board' },
] as const satisfies readonly Entity[]);

// ---------------------------------------------------------------------------------------------
// The schedule

export type MeetingKind = 'regular' | 'special' | 'all_day' | 'event';

export interface AgendaItem {
  readonly text: string;
  /** The topic the item falls under in the schedule. */
  readonly topicKey?: TopicKey;
  /** The entity the item concerns, when it is one of CICAD, CICTE, IADB rather than a topic. */
  readonly entityKey?: EntityKey;
  /** AG/RES. 2970 (LI-O/21) operative paragraphs, e.g. "93", "96.c"; ranges expanded. */
  readonly paragraphRefs?: readonly string[];
}

export interface Meeting {
  /** YYYY-MM-DD, first day. */
  readonly date: string;
  /** Last day of a meeting spanning several days. */
  readonly endDate?: string;
  /** HH:MM, local to COMMITTEE.timeZone. */
  readonly start?: string;
  readonly end?: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly location?: string;
  /** The schedule marks the date as tentative or a new proposed date. */
  readonly tentative?: boolean;
  /** The schedule's footnotes on this meeting. */
  readonly note?: string;
  readonly agenda: readonly AgendaItem[];
}

const AM = { start: '10:00', end: '13:00' } as const;
const ALL_DAY = { start: '10:00', end: '17:30' } as const;

/**
 * The CSH's own meetings in the annexed schedule, February–September 2022, plus MISPA-VIII in
 * October (kind "event"). The right-hand column ("Other OAS activities in the security area":
 * webinars, conferences, CITAAC preparatory meetings, XV CDMA …) is not CSH meetings and is left out.
 *
 * Where the detailed schedule and the summary table disagree, the detailed schedule wins: the
 * Caribbean special meeting is on Thursday, May 26 (its footnote: "originally scheduled for
 * May 19"), although the summary still lists May 19.
 */
export const MEETINGS: readonly Meeting[] = Object.freeze([
  {
    date: '2022-02-10',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    agenda: [
      { text: 'Elections of the second and third Vice-Chairs of the CSH' },
      { text: 'Presentation of the Draft Work Plan and Schedule of Activities for the 27th period of the CSH (2021-2022)' },
      {
        text: 'Process of Meetings of Ministers Responsible for Public Security in the Americas (MISPA): consideration of the draft resolution "Place and date of the Eighth Meeting of Ministers Responsible for Public Security in the Americas (MISPA-VIII)"',
        topicKey: 'mispa',
        paragraphRefs: ['22'],
      },
      {
        text: 'Presentation of the Inter-American Defense Board on review and outlook for support to member states',
        entityKey: 'IADB',
        paragraphRefs: ['93'],
      },
      {
        text: 'Presentation of the Inter-American Defense Board on the activities program to mark the Eightieth Anniversary of the IADB',
        entityKey: 'IADB',
        paragraphRefs: ['94'],
      },
      {
        text: 'Presentation of the Inter-American Defense Board on opportunities for voluntary contributions to the IADC',
        entityKey: 'IADB',
        paragraphRefs: ['100'],
      },
    ],
  },
  {
    date: '2022-02-24',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    agenda: [
      {
        text: 'Presentation by SMS and IADB on the advancements made in the implementation of the mandates regarding the platform of the OAS Inter-American CSBM database',
        topicKey: 'csbm',
        paragraphRefs: ['19', '96.c'],
      },
      {
        text: 'Dialogue on the possibility of "holding consultations and doing exchange visits between the OAS and OSCE to advance the regional and global application of CSBMs"',
        topicKey: 'csbm',
        paragraphRefs: ['21'],
      },
      {
        text: 'Presentation by SMS on the preparation of the plan to be presented by the end of the first quarter of 2022',
        topicKey: 'caribbean',
        paragraphRefs: ['60'],
      },
      { text: "Presentation of the SMS' plan of activities", paragraphRefs: ['112'] },
      {
        text: "Presentation of the Inter-American Defense Board's work plan (paragraph 5 of resolution AG/RES. 2631 (XLI-O/11))",
        entityKey: 'IADB',
      },
      { text: 'Consideration of the Draft Work Plan and Schedule of Activities of the CSH 2021-2022' },
    ],
  },
  {
    date: '2022-03-10',
    ...AM,
    kind: 'special',
    title: "Special Meeting on Women's Leadership in Hemispheric Security",
    note: 'International Women’s Day is celebrated on March 8.',
    agenda: [
      { text: 'Opening remarks by Ambassador Luz Elena Baños Rivas, Vice-Chair of the CSH' },
      {
        text: 'Panel "Work and contributions of women to the hemispheric defense and security agenda": the global drug problem; combating terrorism; public security; trafficking in persons; cybersecurity; defense',
      },
      {
        text: 'Gender perspective in the work of the Secretariat for Multidimensional Security and the Inter-American Defense Board: presentations by CICAD, CICTE, the IADB, the Department of Public Security and the Department against Transnational Organized Crime',
      },
      { text: 'Interventions by member states' },
      { text: 'Closing remarks by Ambassador Anthony Phillips-Spencer, Chair of the CSH' },
    ],
  },
  {
    date: '2022-03-24',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    agenda: [
      {
        text: 'Presentation by the Executive Secretariat of CICTE on the implementation of the mandates',
        topicKey: 'disarmament',
        paragraphRefs: ['9', '10'],
      },
      {
        text: 'Report by SMS on support provided to member states in implementing the Quito Recommendations (paragraph 27 of resolution AG/RES. 2950 (L-O/20))',
        topicKey: 'mispa',
      },
      {
        text: 'Report by SMS on the implementation of mandates',
        topicKey: 'information-knowledge',
        paragraphRefs: ['27', '28', '29'],
      },
      { text: 'Presentation on crime statistics, speakers TBD', topicKey: 'information-knowledge' },
      {
        text: 'Dialogue among the member states on the request for convening a joint session of MISPA and REMJA',
        topicKey: 'public-security-coordination',
        paragraphRefs: ['37'],
      },
      {
        text: 'Presentation by SMS of the plan for appropriate follow-up and implementation of unfulfilled security mandates approved by the General Assembly regarding this topic',
        topicKey: 'caribbean',
        paragraphRefs: ['60'],
      },
      {
        text: 'Update by the General Secretariat on the policy recommendations to be developed by the end of the second quarter of 2022',
        topicKey: 'caribbean',
        paragraphRefs: ['61'],
      },
      {
        text: 'Report and launch, by CICTE and DPS, of the process for the development of the Model National Strategy on the Protection of Critical Infrastructure for all hazards',
        topicKey: 'disaster-response',
        paragraphRefs: ['66'],
      },
      { text: 'Consideration of the Draft Resolution on the 80th Anniversary of the IADB', entityKey: 'IADB' },
      { text: 'Consideration of the draft work plan and schedule of activities of the CSH 2021-2022' },
    ],
  },
  {
    date: '2022-04-07',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    agenda: [
      { text: 'Presentation by the CIFTA Pro Tempore Secretariat', topicKey: 'cifta' },
      {
        text: 'Presentation by the SMS on technical assistance and cooperation for implementing the "2018-2022 Course of Action" (¶ 73), the Questionnaire on the Implementation and Effectiveness of the CIFTA (¶ 74) and the Hemispheric Study on Illicit Trafficking in Firearms and Ammunition (¶ 75)',
        topicKey: 'cifta',
        paragraphRefs: ['73', '74', '75'],
      },
      {
        text: 'Presentation by the SMS on the implementation of the mandate, in accordance with the provisions of the CIFTA',
        topicKey: 'small-arms',
        paragraphRefs: ['52'],
      },
      {
        text: 'Other topics – Programs and Projects of the SMS: presentation by SE/CICTE on the launching of the Protection of Civil Aviation Program',
        entityKey: 'CICTE',
      },
      { text: 'Update by the Inter-American Defense Board on the situation in Ukraine', entityKey: 'IADB' },
      { text: 'Presentation of the proposed methodology for negotiation of the draft omnibus resolution' },
    ],
  },
  {
    date: '2022-04-21',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    agenda: [
      {
        text: 'Presentation by the SMS on implementation of the mandates',
        topicKey: 'transnational-organized-crime',
        paragraphRefs: ['44.b', '45'],
      },
      {
        text: 'Dialogue on the strengthening of inter-institutional cooperation mechanisms for the protection of airspace, to counteract and deter the air trafficking of controlled substances (speakers TBD)',
        topicKey: 'transnational-organized-crime',
        paragraphRefs: ['46'],
      },
      {
        text: 'Presentations on the implementation of the mandates by the Chair of the Working Group on Trafficking in Persons, the Chair of GELAVEX and the SMS',
        topicKey: 'trafficking-in-persons',
        paragraphRefs: ['47.c', '47.f', '49', '50'],
      },
      {
        text: 'Dialogue on the problem of illegal, unreported, and unregulated (IUU) fishing (speakers TBD)',
        topicKey: 'iuu-fishing',
        paragraphRefs: ['53'],
      },
      { text: 'Consideration of the proposed methodology for negotiation of the draft omnibus resolution' },
    ],
    note: 'The IUU fishing item was originally scheduled for February 24, 2022.',
  },
  {
    date: '2022-05-05',
    ...AM,
    kind: 'special',
    title: 'Meeting on security concerns of member states of the Central American Integration System (SICA)',
    tentative: true,
    note: 'New proposed date; originally scheduled for June 16, 2022.',
    agenda: [
      {
        text: 'Meeting on security concerns of member states of the Central American Integration System (SICA)',
        topicKey: 'sica',
      },
    ],
  },
  {
    date: '2022-05-26',
    ...AM,
    kind: 'special',
    title:
      'Meeting on special security concerns of the small island and low-lying coastal developing states of the Caribbean',
    tentative: true,
    note: 'Originally scheduled for May 19, 2022 (still so in the summary table), and before that for June 30, 2022.',
    agenda: [
      {
        text: 'Meeting on special security concerns of the small island and low-lying coastal developing states of the Caribbean, agenda pending',
        topicKey: 'caribbean',
      },
    ],
  },
  {
    date: '2022-06-02',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH (Commemoration of the Inter-American Day against Terrorism)',
    agenda: [
      {
        text: 'Commemoration of the Inter-American Day against Terrorism (paragraph 140 of resolution AG/RES. 2950 (L-O/20)), speakers TBD',
        entityKey: 'CICTE',
      },
      {
        text: 'Presentation by the SE/CICTE on legislative and technical assistance and training provided to the member states',
        entityKey: 'CICTE',
        paragraphRefs: ['90'],
      },
      {
        text: 'Dialogue on the first meeting of the States Party to the Inter-American Convention against Terrorism',
        topicKey: 'terrorism-convention',
        paragraphRefs: ['82'],
      },
    ],
  },
  {
    date: '2022-06-16',
    ...AM,
    kind: 'special',
    title: 'Special Meeting on cyber-security and -defense',
    tentative: true,
    note: 'Tentative date; originally scheduled for May 5, 2022.',
    agenda: [
      {
        text: 'Paragraphs 40 to 43, 81, 85 to 88, and 98, agenda pending',
        topicKey: 'cybersecurity',
        paragraphRefs: ['40', '41', '42', '43', '81', '85', '86', '87', '88', '98'],
      },
    ],
  },
  {
    date: '2022-06-30',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    note: 'The items for this meeting were originally scheduled for May 19, 2022.',
    agenda: [
      {
        text: 'Presentation by AICMA (Program for Comprehensive Action against Antipersonnel Mines) and the Inter-American Defense Board on the implementation of mandates',
        topicKey: 'landmines',
        paragraphRefs: ['13', '14', '96.b'],
      },
      {
        text: 'Presentation by the Chairmanship of the Working Group on Trafficking in Persons on actions taken and next steps',
        topicKey: 'trafficking-in-persons',
        paragraphRefs: ['47', '48', '49', '50'],
      },
      {
        text: 'Presentation by SMS and the IADB on the implementation of the mandate',
        topicKey: 'sica',
        paragraphRefs: ['54'],
      },
      {
        text: 'Presentation by SMS on the implementation of the mandates',
        topicKey: 'sica',
        paragraphRefs: ['55', '56'],
      },
      { text: 'Preparations for the special meeting (tentative date: June 16, 2022)', topicKey: 'sica' },
      { text: 'Preparations for the special meeting (tentative date: June 30, 2022)', topicKey: 'caribbean' },
      {
        text: 'Presentation by SMS of the report on the activities it has executed with member states to address the security implications of climate change',
        topicKey: 'climate-change',
        paragraphRefs: ['64'],
      },
      {
        text: 'Presentation by the SE/CICAD on the implementation of the mandate',
        entityKey: 'CICAD',
        paragraphRefs: ['107'],
      },
    ],
  },
  {
    date: '2022-07-07',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    agenda: [
      {
        text: 'Dialogue on the implementation of the mandate',
        topicKey: 'declaration-on-security',
        paragraphRefs: ['2'],
      },
      {
        text: 'Dialogue on citizen security and resilience (¶ 5); common objectives and inter-American principles (¶ 20); factors and situations of insecurity that might be exacerbated by climate change (¶ 63.c); advancing disasters resilience (¶ 68)',
        topicKey: 'sustainable-security',
        paragraphRefs: ['5', '20', '63.c', '68'],
      },
      {
        text: 'Presentation of the document on the best practices and challenges entailed in confronting a pandemic from a security perspective',
        topicKey: 'covid-19',
        paragraphRefs: ['3'],
      },
    ],
  },
  {
    date: '2022-07-14',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH (Presentation of the first version of the draft resolution)',
    agenda: [
      {
        text: 'Dialogue on knowledge sharing and the exchange of best practices on activities undertaken to address the security implications of climate change (speakers TBD)',
        topicKey: 'climate-change',
        paragraphRefs: ['62'],
      },
      {
        text: 'Presentation by SMS, SEDI, and IADB on the implementation of the mandates',
        topicKey: 'climate-change',
        paragraphRefs: ['63.a', '63.b'],
      },
      {
        text: 'Presentation by the SMS on progress in implementing the mandates',
        topicKey: 'disaster-response',
        paragraphRefs: ['66', '67'],
      },
      {
        text: 'Presentation by the IADB on the implementation of the mandates',
        entityKey: 'IADB',
        paragraphRefs: ['97'],
      },
      { text: 'Presentation of the first version of the draft resolution' },
    ],
  },
  {
    date: '2022-07-21',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH',
    agenda: [
      {
        text: 'Presentation by the SMS on the implementation of the mandates',
        topicKey: 'violence-crime-prevention',
        paragraphRefs: ['25'],
      },
      {
        text: 'Presentation by the SMS on the role of private military and security companies (PMSCs) and the challenges states face in the context of the participation and involvement of PMSCs in public security in the Hemisphere',
        topicKey: 'violence-crime-prevention',
        paragraphRefs: ['26'],
      },
      {
        text: "Presentation by the SMS on quality management in police procedures (¶ 30), REDPPOL's Virtual Platform (¶ 31) and technical assistance between AMERIPOL and SMS (¶ 33)",
        topicKey: 'police-cooperation',
        paragraphRefs: ['30', '31', '33'],
      },
      {
        text: 'Presentation by the SMS and the Secretariat for Legal Affairs on strengthening coordination between the two secretariats in implementing the recommendations of the MISPA and REMJA processes',
        topicKey: 'public-security-coordination',
        paragraphRefs: ['38'],
      },
    ],
  },
  {
    date: '2022-09-01',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH (annual reports and consideration of the draft resolution)',
    agenda: [
      {
        text: 'Presentation of the outcomes of the XV CDMA',
        topicKey: 'cdma',
        paragraphRefs: ['16'],
      },
      {
        text: 'Presentation by the IADB on the implementation of the mandate',
        topicKey: 'cdma',
        paragraphRefs: ['17'],
      },
      { text: 'Annual report (Article 91.f of the OAS Charter): Inter-American Defense Board', entityKey: 'IADB' },
      {
        text: 'Annual report (Article 91.f of the OAS Charter): Inter-American Drug Abuse Control Commission (CICAD)',
        entityKey: 'CICAD',
      },
      {
        text: 'Annual report (Article 91.f of the OAS Charter): Inter-American Committee against Terrorism (CICTE)',
        entityKey: 'CICTE',
      },
      {
        text: 'Report on the outcomes of the States Parties meeting of the Agreement Concerning Co-operation in Suppressing Illicit Maritime and Air Trafficking in Narcotic Drugs and Psychotropic Substances in the Caribbean (San José Treaty)',
        paragraphRefs: ['70'],
      },
      { text: 'Consideration of the first revised version of the draft omnibus resolution' },
    ],
  },
  {
    date: '2022-09-08',
    ...AM,
    kind: 'regular',
    title: 'Regular Meeting of the CSH (consideration of the draft resolution)',
    agenda: [{ text: 'Consideration of the draft resolution for the General Assembly' }],
  },
  {
    date: '2022-09-13',
    ...ALL_DAY,
    kind: 'all_day',
    title: 'Regular Meeting of the CSH (all-day meeting: consideration of the draft resolution)',
    agenda: [{ text: 'Consideration of the draft resolution for the General Assembly' }],
  },
  {
    date: '2022-09-15',
    ...ALL_DAY,
    kind: 'all_day',
    title: 'Regular Meeting of the CSH (all-day meeting: consideration of the draft resolution)',
    agenda: [{ text: 'Consideration of the draft resolution for the General Assembly' }],
  },
  {
    date: '2022-10-24',
    endDate: '2022-10-25',
    kind: 'event',
    title: 'Eighth Meeting of Ministers Responsible for Public Security in the Americas (MISPA-VIII)',
    location: 'San Salvador, El Salvador',
    note: 'Prepared by the working group established on January 14, 2021, chaired by the delegation of El Salvador.',
    agenda: [
      {
        text: 'Eighth Meeting of Ministers Responsible for Public Security in the Americas (MISPA-VIII)',
        topicKey: 'mispa',
        paragraphRefs: ['22'],
      },
    ],
  },
] as const satisfies readonly Meeting[]);

// ---------------------------------------------------------------------------------------------
// Milestones of the negotiation

export type MilestoneKind = 'first_version' | 'comment_deadline' | 'revised_distribution';

export interface Milestone {
  readonly date: string;
  readonly kind: MilestoneKind;
  readonly title: string;
}

/**
 * Work plan, "Negotiation of the draft omnibus resolution", and the summary table. The body says
 * delegations send comments "prior to August 14, 2022"; the summary table calls August 14 the
 * "Deadline to receive comments". Whether the deadline day itself is still open is the caller's
 * decision (the schedule is in COMMITTEE.timeZone).
 */
export const MILESTONES: readonly Milestone[] = Object.freeze([
  {
    date: '2022-07-14',
    kind: 'first_version',
    title: 'Presentation of the first version of the draft resolution',
  },
  {
    date: '2022-08-14',
    kind: 'comment_deadline',
    title: 'Deadline to receive comments on the first version of the draft resolution, as well as new paragraphs',
  },
  {
    date: '2022-08-22',
    kind: 'revised_distribution',
    title: 'Distribution of the revised version of the draft resolution',
  },
] as const satisfies readonly Milestone[]);

// ---------------------------------------------------------------------------------------------
// Reminders for reports

export interface ReportReminder {
  /** "MM-DD" of each year; null for the voluntary reports, which have no date. */
  readonly monthDay: string | null;
  readonly title: string;
  readonly voluntary: boolean;
  /** Resolutions or documents the reminder cites. */
  readonly sources: readonly string[];
}

/** "REMINDERS FOR REPORTS ON HEMISPHERIC SECURITY TOPICS" at the end of the annex. */
export const REPORT_REMINDERS: readonly ReportReminder[] = Object.freeze([
  {
    monthDay: '04-15',
    title: 'Register of Antipersonnel Land Mines',
    voluntary: false,
    sources: ['AG/RES. 1496 (XXVII-O/97)', 'AG/RES. 2630 (XLI-O/11)', 'AG/RES. 2735 (XLII-O/12)'],
  },
  {
    monthDay: '06-15',
    title:
      'Annual Report on Imports and Exports of Conventional Weapons in keeping with Articles III and IV of the Inter-American Convention on Transparency in Conventional Weapons Acquisitions',
    voluntary: false,
    sources: ['Inter-American Convention on Transparency in Conventional Weapons Acquisitions, Articles III and IV'],
  },
  {
    monthDay: '07-01',
    title: 'Roster of Experts on Confidence- and Security-Building Measures',
    voluntary: false,
    sources: ['AG/RES. 2625 (XLI-O/11)', 'AG/RES. 2735 (XLII-O/12)'],
  },
  {
    monthDay: '07-01',
    title: 'National points of contact for the Inter-American Convention on Transparency in Conventional Weapons Acquisitions',
    voluntary: false,
    sources: [],
  },
  {
    monthDay: '07-15',
    title: 'List of confidence- and security-building measures',
    voluntary: false,
    sources: ['CP/CSH-1953/20 rev. 1'],
  },
  {
    monthDay: '07-15',
    title:
      'The United Nations Register of Conventional Arms and United Nations Standardized International Reporting of Military Expenditures',
    voluntary: false,
    sources: ['AG/RES. 2625 (XLI-O/11)', 'AG/RES. 2735 (XLII-O/12)'],
  },
  {
    monthDay: null,
    title: 'Reports on the implementation of the Declaration on Security in the Americas',
    voluntary: true,
    sources: ['CP/CSH-1280/11 rev. 1', 'AG/RES. 2617 (XLI-O/11)', 'AG/RES. 2735 (XLII-O/12)'],
  },
  {
    monthDay: null,
    title: 'Small arms and light weapons',
    voluntary: true,
    sources: ['AG/RES. 2297 (XXXVII-O/07)'],
  },
  {
    monthDay: null,
    title: 'Declaration of San Salvador on Citizen Security in the Americas',
    voluntary: true,
    sources: ['AG/RES. 2735 (XLII-O/12)', 'CP/doc.4708/12'],
  },
  {
    monthDay: null,
    title: 'National points of contact',
    voluntary: true,
    sources: ['CP/CSH-2026/21 rev. 1', 'AG/RES. 2970 (LI-O/21), paragraph 111'],
  },
] as const satisfies readonly ReportReminder[]);

// ---------------------------------------------------------------------------------------------
// Look-ups

export function findTopic(key: string): Topic | null {
  return TOPICS.find((t) => t.key === key) ?? null;
}

export function findEntity(key: string): Entity | null {
  return ENTITIES.find((e) => e.key === key) ?? null;
}

export function thematicArea(number: number): ThematicArea | null {
  return THEMATIC_AREAS.find((a) => a.number === number) ?? null;
}

/** The topics of one thematic area, in order. */
export function topicsOfArea(number: number): Topic[] {
  return TOPICS.filter((t) => t.area === number);
}
