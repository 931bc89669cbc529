import { readFileSync, readdirSync } from 'fs';
import * as path from 'node:path';
import { parseBrackets } from './brackets';
import { escapeEditorialBrackets, isProposalBracket, printEditorialText } from './editorial-brackets';
import { importLineCounts, importWordAccount } from './import-account';
import { isOrganFormula, isSymbolLine } from './import-lines';
import { importText } from './import-text';
import { missingWords, wordsOf } from './import-words';

// Real resolutions, verbatim, in the OAS's four languages and the UN's styles (sources in the folder's README).
const CORPUS = path.join(__dirname, '../../test/fixtures/resolutions');
const SEED = path.join(__dirname, '../../server/seed-data/cicte-proposal-omnibus.txt');
const read = (file: string): string => readFileSync(path.join(CORPUS, file), 'utf8');

interface Expected {
  formula: string;
  resolving?: string;
  symbol?: string;
  title?: RegExp;
  adoption?: RegExp;
  preamble: number;
  /** Paragraphs of the operative part (labels; null for an unnumbered one), when the text has it. */
  operative?: (string | null)[];
  /** Lines the import reports as problems (the copy's own mistakes); none by default. */
  problemLines?: number[];
}

const EXPECTED: Record<string, Expected> = {
  'oas-en-ag-res-2438-2009.txt': { formula: 'THE GENERAL ASSEMBLY:', resolving: 'RESOLVES:', preamble: 4, operative: ['1', '2'] },
  'oas-en-ag-res-1642-1999.txt': {
    formula: 'THE GENERAL ASSEMBLY,',
    symbol: 'AG/RES. 1642 (XXIX-O/99)',
    title: /^PROLIFERATION OF AND ILLICIT TRAFFICKING IN SMALL ARMS AND LIGHT WEAPONS$/,
    adoption: /^\(Adopted at the first plenary session, held on June 7, 1999, and pending review by the Style Committee\)$/,
    preamble: 6,
  },
  'oas-en-ag-res-2381-2008.txt': { formula: 'THE GENERAL ASSEMBLY,', symbol: 'AG/RES. 2381 (XXXVIII-O/08)', title: /^INTER-AMERICAN CONVENTION .* RELATED MATERIALS$/, adoption: /fourth plenary session/, preamble: 5 },
  'oas-en-ag-res-1800-2001.txt': { formula: 'THE GENERAL ASSEMBLY,', adoption: /third plenary session/, preamble: 3 },
  'oas-en-ag-res-2357-2008.txt': { formula: 'THE GENERAL ASSEMBLY,', symbol: 'AG/RES. 2357 (XXXVIII-O/08)', title: /^Follow-Up to the Special Conference on Security$/, preamble: 3 },
  'oas-en-ag-res-2809-2013.txt': { formula: 'THE GENERAL ASSEMBLY,', symbol: 'AG/RES. 2809 (XLIII-O/13)', title: /^Advancing Hemispheric Security/, preamble: 5 },
  'oas-en-cp-res-777-2000.txt': {
    formula: 'THE PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES,',
    resolving: 'RESOLVES:',
    symbol: 'CP/RES. 777 (1252/00)',
    title: /^GRANTING THE KINGDOM OF DENMARK THE STATUS OF PERMANENT OBSERVER TO THE ORGANIZATION$/,
    preamble: 2,
    operative: ['1', '2', '3'],
  },
  'oas-es-ag-res-1982-atlantico-sur.txt': { formula: 'LA ASAMBLEA GENERAL,', resolving: 'RESUELVE', preamble: 2, operative: ['1', '2', '3'] },
  'oas-es-cp-res-936-2008.txt': {
    formula: 'EL CONSEJO PERMANENTE DE LA ORGANIZACIÓN DE LOS ESTADOS AMERICANOS,',
    resolving: 'RESUELVE:',
    symbol: 'CP/RES. 936 (1650/08)',
    title: /^OTORGAMIENTO AL GOBIERNO DE ISLANDIA .* ESTADOS AMERICANOS$/,
    adoption: /^\(Aprobada por el Consejo Permanente en sesión celebrada el 9 de mayo de 2008\)$/,
    preamble: 2,
    operative: ['1', '2'],
  },
  'oas-fr-ag-res-1815-2001.txt': { formula: 'L\'ASSEMBLÉE GÉNÉRALE,', resolving: 'DÉCIDE:', symbol: 'AG/RES. 1815 (XXXI-O/01)', title: /^PARTICIPATION CONTINUE .* MANAGUA$/, adoption: /^\(Cette résolution a été adoptée/, preamble: 3, operative: ['1'] },
  'oas-fr-ag-res-1570-1998.txt': { formula: 'LASSEMBLÉE GÉNÉRALE,', preamble: 4 },
  'oas-fr-ag-res-1353-1995.txt': { formula: 'L\'ASSEMBLEE GENERALE,', preamble: 3 },
  'oas-pt-ag-res-1415-1996.txt': { formula: 'A ASSEMBLÉIA GERAL,', preamble: 4 },
  'oas-pt-ag-res-2438-2009.txt': { formula: 'A ASSEMBLEIA GERAL:', resolving: 'RESOLVE:', preamble: 4, operative: [null, null] },
  'oas-pt-ag-res-1570-1998.txt': { formula: 'A ASSEMBLÉIA GERAL,', preamble: 5, problemLines: [2] },
  'oas-pt-ag-res-1769-2001.txt': { formula: 'A ASSEMBLÉIA GERAL,', resolving: 'RESOLVE:', symbol: 'AG/RES. 1769 (XXXI-O/01)', title: /^MODIFICAÇÕES AO ESTATUTO/, adoption: /^\(Aprovada na terceira sessão plenária/, preamble: 4, operative: [null] },
  'un-sc-fr-draft-iraq-2003.txt': { formula: 'Le Conseil de sécurité,', preamble: 6 },
  'un-sc-s-res-1373-2001.txt': { formula: 'The Security Council,', symbol: 'S/RES/1373 (2001)', preamble: 8 },
  'un-sc-s-res-1555-2004.txt': { formula: 'The Security Council,', preamble: 7, operative: ['1', '2', '3'] },
  'un-sc-s-res-1654-2006.txt': { formula: 'The Security Council,', preamble: 4, operative: ['1', '2', '3', '4'] },
  'un-sc-s-17642-draft-1985.txt': { formula: 'The Security Council,', preamble: 1, operative: [null] },
  'un-ga-a-res-es-10-21-2023.txt': { formula: 'The General Assembly,', symbol: 'A/RES/ES–10/21', preamble: 6 },
  'un-ga-res-42-1987-disarmament.txt': { formula: 'The General Assembly,', preamble: 6 },
  'un-ga-es-2024-09-tenth-emergency-session.txt': { formula: 'La Asamblea General,', preamble: 5 },
};

describe('importText on real resolutions', () => {
  it('has an expectation for every text of the corpus', () => {
    expect(readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    describe(file, () => {
      const source = read(file);
      const imported = importText(source);
      const [preamble, ...rest] = imported.sections;

      it('finds the formula, the resolving formula and the header', () => {
        expect(imported.formula).toBe(want.formula);
        expect(imported.resolvingFormula).toBe(want.resolving);
        expect(imported.symbol).toBe(want.symbol ?? null);
        if (want.title) expect(imported.title).toMatch(want.title);
        if (want.adoption) expect(imported.adoption).toMatch(want.adoption);
      });

      it('reads the preamble and the operative part paragraph by paragraph', () => {
        expect(preamble!.heading).toBe(want.formula);
        expect(preamble!.paragraphs.map((p) => p.label)).toEqual(Array(want.preamble).fill(null));
        expect(rest.flatMap((s) => s.paragraphs.map((p) => p.label))).toEqual(want.operative ?? []);
        expect(imported.problems.map((p) => p.line)).toEqual(want.problemLines ?? []);
      });

      it('accounts for every line and every word of the source', () => {
        const lines = source.split(/\r\n|\n/).filter((l) => l.trim() !== '').length;
        expect(imported.lines).toHaveLength(lines);
        const words = importWordAccount(imported);
        expect(words).toMatchObject({ source: wordsOf(source).length, unaccounted: 0 });
        // Headings, formulas and metadata are listed; no paragraph text was taken for a heading.
        expect(importLineCounts(imported).heading).toBe(0);
      });
    });
  }

  it('keeps chapeaux with their sub-paragraphs: "RECONOCIENDO:" / "Que …", "CONSIDERING:" / "That …"', () => {
    const es = importText(read('oas-es-ag-res-1982-atlantico-sur.txt')).sections[0]!.paragraphs;
    expect(es[0]!.text).toMatch(/^VISTO: Que los graves .* Continente americano; y Que en relación .* solución pacífica;$/);
    expect(es[1]!.text).toMatch(/^y CONSIDERANDO: Que el trigésimo séptimo .* a la disputa,$/);
    const cp = importText(read('oas-en-cp-res-777-2000.txt')).sections;
    expect(cp[0]!.paragraphs[1]!.text).toMatch(/^CONSIDERING: That, by resolution AG\/RES\. 50 \(I-O\/71\), the General .* AG\/RES\. 50 \(I-O\/71\),$/);
    // Wrapped lines are rejoined; the operative paragraph is one paragraph, not four headings.
    expect(cp[1]!.paragraphs[1]!.text).toBe(
      'To invite the Kingdom of Denmark to accredit a permanent observer to the organs, agencies, and entities of the Organization, in keeping with operative paragraph 7 of resolution CP/RES. 407 (573/84).',
    );
  });

  it('reads a hard-wrapped preamble whose "Que …" paragraphs follow a finished one as paragraphs, never as headings', () => {
    const pt = importText(read('oas-pt-ag-res-1570-1998.txt'));
    const paragraphs = pt.sections[0]!.paragraphs;
    expect(paragraphs[3]!.text).toBe('Que é necessário e oportuno continuar a aumentar o diálogo para estabelecer a paz, a confiança e a segurança na região; e');
    // "…; e" ends that paragraph: the next "Que …" starts another.
    expect(paragraphs[4]!.text).toMatch(/^Que a paz é não só a ausência de guerra, .* democráticas mais pacíficas e seguras;$/);
    // The copy's stray "]" after the report's symbol is reported, not taken for a proposal.
    expect(pt.problems[0]!.message).toMatch(/never opened/);
  });

  it('passes over the page numbers and running headers of a copy of printed pages, inside a paragraph or between two', () => {
    // CP/RES. 777 as a copy of its printed pages would carry it: the symbol and a number at each page's head.
    const lines = read('oas-en-cp-res-777-2000.txt').split('\n');
    const at = (n: number, ...inserted: string[]) => [...lines.slice(0, n), '', ...inserted, '', ...lines.slice(n)];
    const clean = importText(lines.join('\n')).sections.map((sec) => sec.paragraphs.map((p) => [p.label, p.text]));
    for (const furniture of [['- 2 -'], ['CP/RES. 777 (1252/00)', '- 2 -'], ['Page 2 of 3'], ['2']]) {
      for (const after of [29, 32]) {
        // After line 29 the page ends between operative paragraphs 1 and 2; after line 32, inside paragraph 2.
        const imported = importText(at(after, ...furniture).join('\n'));
        expect(imported.sections.map((sec) => sec.paragraphs.map((p) => [p.label, p.text]))).toEqual(clean);
        expect(imported.metadata!.filter((m) => m.kind === 'page').map((m) => m.text)).toEqual(furniture);
        expect(importWordAccount(imported).unaccounted).toBe(0);
      }
    }
  });

  it('lists the footnotes printed under a rule after the text as notes, never as more paragraphs', () => {
    const source = read('oas-en-cp-res-777-2000.txt');
    const clean = importText(source).sections.map((sec) => sec.paragraphs.map((p) => p.label));
    const note = (mark: string) => `\n\n__________________\n\n${mark} Letter of the Ambassador of Denmark of 25 September 2000,\nreceived on 2 October 2000.\n`;
    for (const [mark, marker] of [['1.', '1'], ['1/', '1/'], ['(1)', '¹'], ['*', '*']] as const) {
      const marked = source.replace('(CP/doc.3347/00)', `(CP/doc.3347/00)${marker}`).trimEnd();
      const imported = importText(marked + note(mark));
      expect(imported.sections.map((sec) => sec.paragraphs.map((p) => p.label))).toEqual(clean);
      expect(imported.lines!.slice(-3).map((l) => l.role)).toEqual(['note', 'note', 'note']);
      expect(importWordAccount(imported)).toMatchObject({ unaccounted: 0 });
    }
    // No mark of note 1 in the text: the rule does not make what follows footnotes (it may be more of the text).
    const unmarked = importText(source.trimEnd() + note('1.'));
    expect(unmarked.lines!.slice(-3).map((l) => l.role)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  it('reads French sentence case: "Le Conseil de sécurité," heads the preamble', () => {
    const fr = importText(read('un-sc-fr-draft-iraq-2003.txt')).sections[0]!.paragraphs;
    expect(fr[1]!.text).toMatch(/^Rappelant que dans sa résolution 687 \(1991\), il a déclaré qu’un cessez-le-feu .* ladite résolution,$/);
  });

  it('reads UN title case, "Acting under Chapter VII", dashed items and lettered sub-paragraphs', () => {
    const sc = importText(read('un-sc-s-res-1654-2006.txt')).sections;
    expect(sc[0]!.paragraphs[3]!.text).toBe('Acting under Chapter VII of the Charter of the United Nations,');
    expect(sc[1]!.paragraphs[2]!.text).toMatch(/ensure: – the safety of their members; – unhindered and immediate access, .* mandate;$/);
    const draft = importText(read('un-sc-s-17642-draft-1985.txt')).sections[1]!.paragraphs[0]!;
    expect(draft).toMatchObject({ label: null, chapeau: 'Decides,' });
    expect(draft.literals!.map((l) => l.label)).toEqual(['a', 'b', 'c']);
    expect(draft.literals![1]!.text).toMatch(/^To renew the mandate .* until 31 May 1986;$/);
  });

  it('keeps the UN’s lettered sub-paragraphs of a preambular paragraph in it, never as headings', () => {
    const last = importText(read('un-ga-es-2024-09-tenth-emergency-session.txt')).sections[0]!.paragraphs[4]!;
    expect(last.text).toMatch(/^Recordando su resolución 77\/247, .* sobre las siguientes cuestiones: a\) ¿Cuáles son .* conexas\? b\) ¿Cómo afectan .* las Naciones Unidas\?$/);
  });

  it('keeps editorial brackets inside quotations as text, not as proposals', () => {
    const [, recalling, also] = importText(read('oas-en-ag-res-2357-2008.txt')).sections[0]!.paragraphs;
    expect(also!.text).toContain('“\\[o\\]ur new concept of security');
    expect(also!.segments).toEqual([{ type: 'text', text: expect.stringContaining('“[o]ur new concept') }]);
    expect(recalling!.segments).toEqual([{ type: 'text', text: expect.stringContaining('Permanent Council [CP/RES. 908 (1567/06)];') }]);
  });

  it('imports the seeds as before: the CICTE proposal keeps its sections, sponsors and every word', () => {
    const seed = importText(readFileSync(SEED, 'utf8'));
    expect(seed.formula).toBeUndefined();
    expect(seed.sections.map((s) => s.paragraphs.length)).toEqual([2, 10]);
    expect(importWordAccount(seed)).toMatchObject({ unaccounted: 0, listed: wordsOf('CICTE’S PROPOSAL FOR THE CSH OMNIBUS RESOLUTION (Approved during the Twenty-first regular period of sessions) Inter-American Convention against Terrorism Inter-American Committee against Terrorism (CICTE)').length });
  });
});

describe('document symbols and formulas', () => {
  it.each([
    'AG/RES. 2809 (XLIII-O/13)',
    'CP/RES. 843 (1365/03)',
    'S/RES/1373 (2001)',
    'A/RES/ES-10/22',
    'AG/doc.5358/13 add. 1',
    'CP/CSH/INF.278/11 rev. 2',
    'AG/CG/doc.2/18 rev. 1',
    'CP/CSH/xxxx/22 rev. 1',
    'CP/CSH-1953/20 rev. 1',
    'OEA/Ser.G',
    'OEA/Ser.P/XXVIII-O.2',
  ])('reads %s as a symbol, in the header and never as a heading', (symbol) => {
    expect(isSymbolLine(symbol)).toBe(true);
    const imported = importText(`${symbol}\nTHE GENERAL ASSEMBLY,\nRECALLING its resolutions;\nRESOLVES:\n1. To act.`);
    expect(imported.sections.map((s) => s.heading)).toEqual(['THE GENERAL ASSEMBLY,', 'RESOLVES:']);
    expect(imported.lines![0]).toEqual({ line: 1, role: 'metadata', text: symbol });
  });

  it.each(['Inter-American Committee against Terrorism (CICTE)', 'To convene the meeting.', 'RECOGNIZING:', 'HAVING SEEN the report,', 'Le rapport du Secrétaire général,', 'La Commission a examiné la question du programme de travail pour la session,'])('does not read %s as a symbol or a formula', (line) => {
    expect(isSymbolLine(line)).toBe(false);
    expect(isOrganFormula(line)).toBe(false);
  });

  it.each(['THE GENERAL ASSEMBLY,', 'LA ASAMBLEA GENERAL,', 'L’ASSEMBLÉE GÉNÉRALE,', 'A ASSEMBLEIA GERAL,', 'EL CONSEJO PERMANENTE DE LA ORGANIZACIÓN DE LOS ESTADOS AMERICANOS,', 'The General Assembly,', 'The Security Council,', 'Le Conseil de sécurité,', 'L’Assemblée générale,', 'Le Conseil des droits de l’homme,', 'Le Conseil économique et social,', 'LASSEMBLÉE GÉNÉRALE,'])(
    'reads %s as the organ’s formula',
    (line) => expect(isOrganFormula(line)).toBe(true),
  );
});

describe('the resolving formula in each language', () => {
  it.each([
    ['RESOLVES:', 'en'],
    ['RESUELVE:', 'es'],
    ['DÉCIDE :', 'fr'],
    ['RESOLVE:', 'pt'],
  ])('"%s" (%s) heads the operative part, whose unnumbered paragraphs are paragraphs, not headings', (resolving) => {
    const imported = importText(['LA ASAMBLEA GENERAL,', 'CONSIDERANDO que la paz es un propósito esencial;', resolving, 'Que se apruebe el programa de trabajo del Consejo Permanente.', '1. Encomendar al Consejo Permanente su seguimiento.'].join('\n'));
    expect(imported.resolvingFormula).toBe(resolving);
    expect(imported.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.label)])).toEqual([
      ['LA ASAMBLEA GENERAL,', [null]],
      [resolving, [null, '1']],
    ]);
  });

  it('lists a line it cannot place rather than dropping it, and counts no word twice', () => {
    const imported = importText(['THE GENERAL ASSEMBLY,', 'RECALLING its resolutions;', 'RESOLVES:', '1. To act:', '(a) now;', '(i) today; and', '(ii) tomorrow;', '(b) later.', 'Annex', '57th plenary meeting'].join('\n'));
    const [, operative, annex] = imported.sections;
    expect(operative!.paragraphs[0]!.literals).toEqual([
      { label: 'a', text: 'now; (i) today; and (ii) tomorrow;' },
      { label: 'b', text: 'later.' },
    ]);
    expect(annex).toEqual({ heading: 'Annex', paragraphs: [] });
    const roman = importText(['The Security Council,', 'Recalling its resolutions,', '1. Requests the Secretary-General:', '(i) to report; and', '(ii) to act.'].join('\n'));
    expect(roman.sections[1]!.paragraphs[0]).toMatchObject({ label: '1', text: 'Requests the Secretary-General: (i) to report; and (ii) to act.' });
    expect(roman.problems).toEqual([]);
    expect(imported.metadata).toContainEqual({ line: 10, kind: 'closing', text: '57th plenary meeting' });
    expect(importWordAccount(imported)).toMatchObject({ source: 23, stored: 15, listed: 8, unaccounted: 0 });
  });
});

describe('editorial brackets', () => {
  it('tells a proposal from the text’s own bracket', () => {
    expect(isProposalBracket('CH, MEX and US: text')).toBe(true);
    expect(isProposalBracket('Alt 1 (BRA): text')).toBe(true);
    expect(isProposalBracket('o')).toBe(false);
    expect(isProposalBracket('CP/RES. 908 (1567/06)')).toBe(false);
    expect(isProposalBracket('on the report of the First Committee: A/57/513')).toBe(false);
  });

  it('escapes only the text’s own brackets, and a printer for readers prints them bare and reads back the same', () => {
    const written = 'the “[o]ur new concept” [CAN: , as agreed,] and [e]xtreme [AG/RES. 1 (XXIV-E/97)]';
    const escaped = escapeEditorialBrackets(written);
    expect(escaped.escaped).toBe(3);
    const parsed = parseBrackets(escaped.text);
    expect(parsed.ok && parsed.segments.map((s) => s.type)).toEqual(['text', 'insert', 'text']);
    for (const text of ['“[o]ur”', 'a \\ backslash', 'stray ] and [', '[MEX: looks like a proposal]', '[o]ur [e]xtreme']) {
      const printed = printEditorialText(text);
      const back = parseBrackets(escapeEditorialBrackets(printed).text);
      expect(back.ok && back.segments).toEqual([{ type: 'text', text }]);
    }
    expect(printEditorialText('“[o]ur”')).toBe('“[o]ur”');
    expect(missingWords(wordsOf(written), wordsOf(escaped.text))).toEqual([]);
  });
});

describe('the platform’s own compilation, as its exports print it', () => {
  it('keeps a numbered preamble, area and topic headings, and a heading after a paragraph that ends in a bracket', () => {
    // Word exports have no blank lines: every paragraph is one line.
    const imported = importText([
      'OEA/Ser.G',
      'CP/CSH/xxxx/22',
      'ADVANCING HEMISPHERIC SECURITY: A MULTIDIMENSIONAL APPROACH',
      '(Compilation text, 15 March 2022)',
      'THE GENERAL ASSEMBLY,',
      '1. HAVING SEEN the annual report of the Permanent Council,',
      '(consensus; pending)',
      '2. BEARING IN MIND that the Charter establishes [MEX: the principle of]',
      '(amended; pending)',
      'INTER-AMERICAN INSTRUMENTS AND INSTITUTIONS',
      'Inter-American Convention against Terrorism',
      '1. To invite member states [US: delete]',
      'Inter-American Committee against Terrorism (CICTE)',
      '5 bis. [CH, MEX and US: To endorse the reports.]',
    ].join('\n'));
    expect(imported.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.label)])).toEqual([
      ['THE GENERAL ASSEMBLY,', ['1', '2']],
      ['INTER-AMERICAN INSTRUMENTS AND INSTITUTIONS', []],
      ['Inter-American Convention against Terrorism', ['1']],
      ['Inter-American Committee against Terrorism (CICTE)', ['5 bis']],
    ]);
    expect(imported.sections[0]!.paragraphs.map((p) => p.status)).toEqual(['pending', 'pending']);
    expect(imported.subtitle).toBe('(Compilation text, 15 March 2022)');
    expect(imported.adoption).toBeUndefined();
    expect(importWordAccount(imported).unaccounted).toBe(0);
  });
});

describe('the OAS header block', () => {
  it('tells the title from the council and committee names and the document’s kind, and keeps them all as metadata', () => {
    const imported = importText([
      'PERMANENT COUNCIL OF THE',
      'ORGANIZATION OF AMERICAN STATES',
      '',
      'COMMITTEE ON HEMISPHERIC SECURITY',
      'OEA/Ser.G',
      'CP/CSH/xxxx/22 rev. 1',
      '9 May 2022',
      'Original: English',
      'DRAFT RESOLUTION',
      'ADVANCING HEMISPHERIC SECURITY:',
      'A MULTIDIMENSIONAL APPROACH',
      '(Presented by the Chair of the Committee on Hemispheric Security)',
      '(Compilation text, 9 May 2022)',
      'THE GENERAL ASSEMBLY,',
      'HAVING SEEN the annual report,',
    ].join('\n'));
    expect(imported).toMatchObject({
      title: 'ADVANCING HEMISPHERIC SECURITY: A MULTIDIMENSIONAL APPROACH',
      symbol: 'CP/CSH/xxxx/22 rev. 1',
      subtitle: '(Compilation text, 9 May 2022)',
      adoption: '(Presented by the Chair of the Committee on Hemispheric Security)',
    });
    expect(imported.metadata!.map((m) => m.kind)).toEqual(['masthead', 'masthead', 'series', 'symbol', 'masthead', 'masthead', 'masthead', 'title', 'adoption', 'view']);
    expect(imported.sections.map((s) => s.paragraphs.length)).toEqual([1]);
    expect(importWordAccount(imported).unaccounted).toBe(0);
  });
});

describe('a Word document, one paragraph a line', () => {
  it('keeps a heading that follows a literal without final punctuation', () => {
    const imported = importText([
      'THE GENERAL ASSEMBLY,',
      'HAVING SEEN the report,',
      'INTER-AMERICAN ENTITIES',
      'Inter-American Drug Abuse Control Commission (CICAD)',
      '8. To request the CICAD Secretariat to:',
      'a. report on the programme of work of the Commission in the year',
      'Inter-American Defense Board (IADB)',
      '1. To take note of the report of the Board.',
    ].join('\n'));
    expect(imported.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.label)])).toEqual([
      ['THE GENERAL ASSEMBLY,', [null]],
      ['INTER-AMERICAN ENTITIES', []],
      ['Inter-American Drug Abuse Control Commission (CICAD)', ['8']],
      ['Inter-American Defense Board (IADB)', ['1']],
    ]);
    expect(imported.sections[2]!.paragraphs[0]!.literals).toEqual([{ label: 'a', text: 'report on the programme of work of the Commission in the year' }]);
  });
});
