import { DocFootnote, DocModel, DocParagraph, DocSection, ISO_639_2, Segment, delegationName, formatSponsors, translationMarker, viewName } from '@omnibus/shared';
import { segmentRuns } from './bracket-parts';
import { areaChanges, fileStem } from './layout';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);

/** eId fragments are NCName-like: "5 bis" → "5bis", "CICTE" → "cicte". */
const idPart = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

const refs = (sponsors: readonly string[]): string => [...new Set(sponsors)].map((c) => `#${idPart(c)}`).join(' ');

/**
 * A bracket in Akoma Ntoso's own terms: the proposal is a span that refers to its sponsoring
 * delegations (TLCOrganization), their names in an inline, the words it would add in <ins> and
 * the words it would take out in <del>. A consensus draft has no brackets.
 */
function proposal(segment: Exclude<Segment, { type: 'text' }>): string {
  const open = (kind: string, sponsors: readonly string[], label: string) =>
    `<span class="proposal ${kind}" refersTo="${refs(sponsors)}"><inline name="sponsors">${escapeXml(label)}</inline>`;
  switch (segment.type) {
    case 'insert': {
      // A new paragraph with other delegations' proposals holds them inside its own <ins>.
      const words = segment.nested && segment.nested.length > 0
        ? segment.nested.map((n) => (n.type === 'text' ? escapeXml(n.text) : proposal(n))).join('')
        : escapeXml(segment.text);
      return `${open('insert', segment.sponsors, formatSponsors(segment.sponsors))}<ins>${words}</ins></span>`;
    }
    case 'delete':
      return `${open('delete', segment.sponsors, formatSponsors(segment.sponsors))}<del>${escapeXml(segment.text)}</del></span>`;
    case 'replace':
      return `${open('replace', segment.sponsors, formatSponsors(segment.sponsors))}<del>${escapeXml(segment.from)}</del><ins>${escapeXml(segment.to)}</ins></span>`;
    case 'alternatives':
      return segment.options
        .map((o) => `${open('alternative', o.sponsors, `Alt ${o.number} (${formatSponsors(o.sponsors)})`)}<ins>${escapeXml(o.text)}</ins></span>`)
        .join(' ');
  }
}

function inline(model: DocModel, segments: readonly Segment[]): string {
  return segmentRuns(model, segments, 'display')
    .map(({ segment, parts }) => (segment.type === 'text' ? parts.map((p) => escapeXml(p.text)).join('') : proposal(segment)))
    .join('');
}

function notes(footnotes: readonly DocFootnote[], eId: string): string {
  return footnotes
    .map((f) => `<authorialNote marker="${f.number}" placement="bottom" eId="${eId}__authorialNote_${f.number}"><p>${escapeXml(f.text)}</p></authorialNote>`)
    .join('');
}

function statusNote(model: DocModel, p: DocParagraph): string {
  const marker = translationMarker(model, p);
  return (
    (p.note === null ? '' : `<p class="statusNote">${escapeXml(p.note)}</p>`) +
    (marker === null ? '' : `<p class="translation ${p.translationStatus ?? ''}">${escapeXml(marker)}</p>`)
  );
}

function preambular(model: DocModel, p: DocParagraph, i: number): string {
  const eId = `preamble__container_${i + 1}`;
  const label = p.number === null ? '' : `<inline name="label">${escapeXml(p.number)}.</inline> `;
  return `<container name="preambularParagraph" eId="${eId}" class="state-${p.state} status-${p.status}"><p>${label}${inline(model, p.segments)}${notes(p.footnotes, eId)}</p>${statusNote(model, p)}</container>`;
}

/** A mandates paragraph is a list: the chapeau as its intro, each literal a point (AKN4UN's subparagraph pattern). */
function operative(model: DocModel, p: DocParagraph, sectionId: string): string {
  const eId = `${sectionId}__para_${idPart(p.number ?? p.label)}`;
  const num = `<num>${escapeXml(p.number ?? p.label)}.</num>`;
  const text = `${inline(model, p.segments)}${notes(p.footnotes, eId)}`;
  const cls = `state-${p.state} status-${p.status}`;
  if (p.literals.length === 0) return `<paragraph eId="${eId}" class="${cls}">${num}<content><p>${text}</p>${statusNote(model, p)}</content></paragraph>`;
  const points = p.literals
    .map((l) => `<point eId="${eId}__list_1__point_${idPart(l.label)}"><num>${escapeXml(l.label)}.</num><content><p>${inline(model, l.segments)}</p></content></point>`)
    .join('');
  const note = statusNote(model, p);
  const wrap = note === '' ? '' : `<wrapUp>${note}</wrapUp>`;
  return `<paragraph eId="${eId}" class="${cls}">${num}<list eId="${eId}__list_1"><intro><p>${text}</p></intro>${points}${wrap}</list></paragraph>`;
}

function section(model: DocModel, s: DocSection, index: number): string {
  const eId = `sec_${index + 1}`;
  return `<section eId="${eId}" class="${s.kind}" refersTo="#${idPart(s.key)}"><heading>${escapeXml(s.heading ?? '')}</heading>${s.paragraphs.map((p) => operative(model, p, eId)).join('')}</section>`;
}

function references(model: DocModel): string {
  const codes = new Set<string>();
  for (const s of model.sections) for (const p of s.paragraphs) for (const seg of [...p.segments, ...p.literals.flatMap((l) => l.segments)]) {
    if (seg.type === 'alternatives') seg.options.forEach((o) => o.sponsors.forEach((c) => codes.add(c)));
    else if (seg.type !== 'text') seg.sponsors.forEach((c) => codes.add(c));
  }
  const org = (eId: string, showAs: string) => `<TLCOrganization eId="${eId}" href="/akn/ontology/organizations/oas/${eId}" showAs="${escapeXml(showAs)}"/>`;
  const sections = model.sections.map((s) => `<TLCConcept eId="${idPart(s.key)}" href="/akn/ontology/concepts/oas/csh/${idPart(s.key)}" showAs="${escapeXml(s.heading ?? s.key)}"/>`);
  return [org('csh', 'Committee on Hemispheric Security'), org('omnibus', 'Omnibus negotiation platform'), ...[...codes].sort().map((c) => org(idPart(c), delegationName(c) ?? c)), ...sections].join('');
}

function meta(model: DocModel): string {
  const work = `/akn/oas/statement/resolution/${model.date}/${fileStem(model.symbol).toLowerCase()}`;
  const language = ISO_639_2[model.lang];
  const expression = `${work}/${language}@${model.date}`;
  const frbr = (kind: string, self: string, uri: string, author: string, extra: string) =>
    `<${kind}><FRBRthis value="${escapeXml(self)}"/><FRBRuri value="${escapeXml(uri)}"/><FRBRdate date="${model.date}" name="${model.view}"/><FRBRauthor href="${author}"/>${extra}</${kind}>`;
  return [
    '<meta><identification source="#omnibus">',
    frbr('FRBRWork', `${work}/!main`, work, '#csh', `<FRBRcountry value="oas"/><FRBRnumber value="${escapeXml(model.symbol)}"/><FRBRname value="${escapeXml(model.title)}"/>`),
    frbr('FRBRExpression', `${expression}/!main`, expression, '#csh', `<FRBRlanguage language="${language}"/>`),
    frbr('FRBRManifestation', `${expression}/!main.xml`, `${expression}.akn`, '#omnibus', ''),
    `</identification><references source="#omnibus">${references(model)}</references></meta>`,
  ].join('');
}

/** The header block, "DRAFT RESOLUTION", the title with its footnote, the view and the presented line. */
function preface(model: DocModel): string {
  const f = model.frame;
  const notice = model.notice === null ? '' : `<p class="notice">${escapeXml(model.notice)}</p>`;
  return [
    '<preface>',
    `<p class="council"><docAuthority>${escapeXml(f.council)}</docAuthority></p>`,
    `<p class="committee"><docProponent refersTo="#csh">${escapeXml(f.committee)}</docProponent></p>`,
    `<p class="series">${escapeXml(f.series)}</p>`,
    `<p class="symbol"><docNumber>${escapeXml(model.symbol)}</docNumber></p>`,
    `<p class="date"><docDate date="${model.date}">${escapeXml(f.dateLine)}</docDate></p>`,
    `<p class="original">${escapeXml(f.originalLine)}</p>`,
    `<p class="kind"><docType>${escapeXml(f.documentKind)}</docType></p>`,
    `<p class="subtitle"><docStatus>${escapeXml(viewName(model.view, model.lang))}</docStatus></p>`,
    `<p class="title"><docTitle>${escapeXml(model.title)}</docTitle>${notes([model.titleFootnote], 'preface')}</p>`,
    `<p class="presented">${escapeXml(f.presentedLine)}</p>`,
    notice,
    '</preface>',
  ].join('');
}

/**
 * Akoma Ntoso 3.0 following the UN's AKN4UN conventions for a General Assembly resolution: a
 * statement named "resolution", the symbol and title in the preface as docNumber and docTitle,
 * the formula, the preambular paragraphs and the resolving formula in the preamble, the sections with numbered paragraphs
 * in the mainBody, mandates as a list with intro and points, reservations as authorialNote.
 */
export function renderAkn(model: DocModel): string {
  const preamble = model.sections.find((s) => s.kind === 'preamble');
  const body: string[] = [];
  let open: string[] | null = null;
  const close = () => {
    if (open) body.push(`${open.join('')}</hcontainer>`);
    open = null;
  };
  for (const { section: s, area } of areaChanges(model)) {
    if (s.kind === 'preamble') continue;
    // A thematic area groups its topics, as the resolution prints them under one heading.
    if (area !== null || s.area === null) close();
    if (area !== null) open = [`<hcontainer name="thematicArea" eId="hcontainer_${body.length + 1}"><heading>${escapeXml(area)}</heading>`];
    const xml = section(model, s, model.sections.indexOf(s));
    if (open) open.push(xml);
    else body.push(xml);
  }
  close();
  if (body.length === 0) body.push('<p class="empty">No paragraph.</p>');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${AKN_NAMESPACE}">`,
    `<statement name="resolution" contains="${model.view === 'consensus' ? 'originalVersion' : 'singleVersion'}">`,
    meta(model),
    preface(model),
    `<preamble><formula name="enactingFormula"><p>${escapeXml(model.formula)}</p></formula>${(preamble?.paragraphs ?? []).map((p, i) => preambular(model, p, i)).join('')}` +
      `<formula name="resolvingFormula"><p>${escapeXml(model.resolvingFormula)}</p></formula></preamble>`,
    `<mainBody>${body.join('')}</mainBody>`,
    '</statement>',
    '</akomaNtoso>',
    '',
  ].join('\n');
}
