import { useState, type FormEvent } from 'react';
import { DOCX_TYPE, documentsApi, type ImportLineRole, type ImportOptions, type ImportPreview } from '../../api/documents';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';

/** What this screen says, in one place so that it moves into the message catalogues as it is. */
export const messages = {
  formLabel: 'Import a document',
  fileLabel: 'Document (.docx or .txt)',
  pasteLabel: '…or paste the text',
  noDocument: 'Choose a .docx or .txt file, or paste the text.',
  whatItIs: 'What it is',
  entityProposal: "An entity's proposal",
  chairDraft: "The Chair's draft",
  acceptOverCap: 'Record it as the entity approved it, even past a cap',
  preview: 'Preview the import',
  importN: (n: number) => `Import ${n} paragraphs`,
  imported: (paragraphs: number, amendments: number, name: string) => `Imported ${paragraphs} paragraphs and ${amendments} amendments from ${name}.`,
  pastedText: 'pasted text',
  document: 'The document',
  symbol: 'Symbol',
  title: 'Title',
  formula: 'Formula',
  resolvingFormula: 'Resolving formula',
  adoption: 'Adoption',
  wordsHeading: 'Words',
  wordsStored: (stored: number, source: number, percent: string) => `${stored} of the source's ${source} words (${percent}) will be stored in the draft.`,
  wordsListed: (listed: number) => `The other ${listed} are on the lines listed below: headings, formulas, metadata, notes and problems.`,
  wordsLost: (n: number, sample: string) => `${n} words would be lost without a line that shows them (${sample}): the import is refused until the text is fixed.`,
  sectionsHeading: 'Where the operative part goes',
  sectionFor: (heading: string) => (heading === '' ? 'Section for the paragraphs under no heading' : `Section for "${heading}"`),
  chooseSection: 'Choose a section…',
  linesHeading: 'Every line of the source',
  linesSummary: (counts: string) => `Lines: ${counts}.`,
  listedLinesHeading: 'Lines not stored as paragraph text',
  lineRoles: {
    paragraph: 'paragraph',
    literal: 'literal',
    heading: 'heading',
    formula: 'formula',
    metadata: 'metadata',
    note: 'note',
    problem: 'problem',
  } satisfies Record<ImportLineRole, string>,
  line: (n: number) => `Line ${n}`,
  columns: { section: 'Section', label: 'Label', text: 'Text', notes: 'Notes' },
  unknownSection: 'unknown',
  pastCap: 'past a cap',
  written: (label: string) => ` (written ${label})`,
};

const ROLES: ImportLineRole[] = ['paragraph', 'literal', 'heading', 'formula', 'metadata', 'note', 'problem'];

interface Doc {
  body: Blob | string;
  type: string;
  name: string;
}

/**
 * The secretariat imports a Chair's draft, an entity's proposal or an adopted resolution (Word or
 * plain text): a preview first, showing how each paragraph will land, what became of every line of
 * the source, the share of its words that will be stored, and what stops the import; then the
 * import itself.
 */
export function ImportForm() {
  const { draft, reload, announce } = useRoom();
  const [doc, setDoc] = useState<Doc | null>(null);
  const [pasted, setPasted] = useState('');
  const [options, setOptions] = useState<ImportOptions>({ source: 'entity_proposal', acceptOverCap: false });
  const [preview, setPreview] = useState<ImportPreview | null>(null);

  const current = (): Doc => {
    if (doc) return doc;
    if (pasted.trim() === '') throw new Error(messages.noDocument);
    return { body: pasted, type: 'text/plain; charset=utf-8', name: messages.pastedText };
  };
  const previewAction = useAction(async (o: ImportOptions) => {
    const d = current();
    setPreview(await documentsApi.previewImport(draft.id, d.body, d.type, o));
  });
  const commit = useAction(async () => {
    const d = current();
    const result = await documentsApi.commitImport(draft.id, d.body, d.type, options);
    announce(messages.imported(result.paragraphs.length, result.amendments, d.name));
    setPreview(null);
    await reload();
  });

  const onFile = (file: File | undefined) => {
    setPreview(null);
    if (!file) return setDoc(null);
    const docx = file.name.toLowerCase().endsWith('.docx');
    setDoc({ body: file, type: docx ? DOCX_TYPE : 'text/plain; charset=utf-8', name: file.name });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void previewAction.run(options);
  };
  // Choosing a section for a heading previews again, so the table shows where every paragraph lands.
  const chooseSection = (heading: string, sectionId: string) => {
    const others = (options.sections ?? []).filter((s) => s.heading !== heading);
    const next = { ...options, sections: sectionId === '' ? others : [...others, { heading, sectionId }] };
    setOptions(next);
    void previewAction.run(next);
  };
  const error = previewAction.error ?? commit.error;
  return (
    <form className="import-form" onSubmit={onSubmit} aria-label={messages.formLabel}>
      <label>
        {messages.fileLabel}
        <input type="file" accept=".docx,.txt,text/plain" onChange={(e) => onFile(e.target.files?.[0])} />
      </label>
      {!doc && (
        <label>
          {messages.pasteLabel}
          <textarea rows={6} value={pasted} onChange={(e) => { setPasted(e.target.value); setPreview(null); }} />
        </label>
      )}
      <fieldset className="kind-choice">
        <legend>{messages.whatItIs}</legend>
        <label>
          <input type="radio" name="import-source" checked={options.source === 'entity_proposal'} onChange={() => setOptions({ ...options, source: 'entity_proposal' })} />
          {messages.entityProposal}
        </label>
        <label>
          <input type="radio" name="import-source" checked={options.source === 'chair_draft'} onChange={() => setOptions({ ...options, source: 'chair_draft', acceptOverCap: false })} />
          {messages.chairDraft}
        </label>
        {options.source === 'entity_proposal' && (
          <label className="check">
            <input type="checkbox" checked={options.acceptOverCap} onChange={(e) => setOptions({ ...options, acceptOverCap: e.target.checked })} />
            {messages.acceptOverCap}
          </label>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={previewAction.busy}>
          {messages.preview}
        </button>
        {preview && (
          <button type="button" className="primary" disabled={commit.busy || !preview.verdict.ready} onClick={() => void commit.run()}>
            {messages.importN(preview.paragraphs.length)}
          </button>
        )}
      </div>
      <ErrorLine error={error} />
      {preview && <PreviewReport preview={preview} chosen={options.sections ?? []} onChoose={chooseSection} />}
    </form>
  );
}

function PreviewReport({ preview, chosen, onChoose }: { preview: ImportPreview; chosen: NonNullable<ImportOptions['sections']>; onChoose: (heading: string, sectionId: string) => void }) {
  return (
    <div className="import-preview">
      <p className={preview.verdict.ready ? 'notice' : 'error'} role="status">
        {preview.verdict.message}
      </p>
      <DocumentFacts preview={preview} />
      <WordShare preview={preview} />
      <SectionChoices preview={preview} chosen={chosen} onChoose={onChoose} />
      <ParagraphTable preview={preview} />
      <LineAccount preview={preview} />
      {preview.problems.length > 0 && (
        <ul className="problems">
          {preview.problems.map((pr, i) => (
            <li key={i}>
              {pr.line !== undefined && `${messages.line(pr.line)}: `}
              {pr.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DocumentFacts({ preview }: { preview: ImportPreview }) {
  const facts: [string, string | null | undefined][] = [
    [messages.symbol, preview.symbol],
    [messages.title, preview.title],
    [messages.adoption, preview.adoption],
    [messages.formula, preview.formula],
    [messages.resolvingFormula, preview.resolvingFormula],
  ];
  const shown = facts.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '');
  if (shown.length === 0) return null;
  return (
    <section aria-label={messages.document}>
      <h4>{messages.document}</h4>
      <dl className="import-facts">
        {shown.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const percentOf = (part: number, whole: number): string => `${whole === 0 ? 100 : Math.floor((part / whole) * 1000) / 10} %`;

function WordShare({ preview }: { preview: ImportPreview }) {
  const words = preview.words;
  if (!words) return null;
  return (
    <section aria-label={messages.wordsHeading}>
      <h4>{messages.wordsHeading}</h4>
      <p>
        <meter min={0} max={words.source} value={words.stored} aria-label={messages.wordsHeading} /> {messages.wordsStored(words.stored, words.source, percentOf(words.stored, words.source))}
        {words.listed > 0 && ` ${messages.wordsListed(words.listed)}`}
      </p>
      {words.unaccounted > 0 && (
        <p className="error" role="alert">
          {messages.wordsLost(words.unaccounted, words.unaccountedSample.join(', '))}
        </p>
      )}
    </section>
  );
}

function SectionChoices({ preview, chosen, onChoose }: { preview: ImportPreview; chosen: NonNullable<ImportOptions['sections']>; onChoose: (heading: string, sectionId: string) => void }) {
  const { draft } = useRoom();
  const open = preview.headings.filter((h) => h.paragraphs > 0 && (h.sectionId === null || chosen.some((c) => c.heading === h.heading)));
  if (open.length === 0) return null;
  return (
    <fieldset className="import-sections">
      <legend>{messages.sectionsHeading}</legend>
      {open.map((h) => (
        <label key={h.heading}>
          {messages.sectionFor(h.heading)}
          <select value={chosen.find((c) => c.heading === h.heading)?.sectionId ?? ''} onChange={(e) => onChoose(h.heading, e.target.value)}>
            <option value="">{messages.chooseSection}</option>
            {draft.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

function ParagraphTable({ preview }: { preview: ImportPreview }) {
  return (
    <table>
      <thead>
        <tr>
          <th>{messages.columns.section}</th>
          <th>{messages.columns.label}</th>
          <th>{messages.columns.text}</th>
          <th>{messages.columns.notes}</th>
        </tr>
      </thead>
      <tbody>
        {preview.paragraphs.map((p) => (
          <tr key={p.index} className={p.errors.length > 0 ? 'has-errors' : p.fits ? '' : 'over-cap'}>
            <td>{p.sectionKey ?? <em>{p.heading || messages.unknownSection}</em>}</td>
            <td>
              {p.label ?? '—'}
              {p.sourceLabel && p.label !== p.sourceLabel && <span className="muted">{messages.written(p.sourceLabel)}</span>}
            </td>
            <td>
              {p.sponsors.length > 0 && <strong>{p.sponsors.join(', ')}: </strong>}
              {p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text}
            </td>
            <td>{[...p.errors, ...p.warnings, ...(p.fits ? [] : [messages.pastCap])].join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What became of every line: counted by role, and each line whose words are not paragraph text listed with its number. */
function LineAccount({ preview }: { preview: ImportPreview }) {
  const lines = preview.lines ?? [];
  if (lines.length === 0) return null;
  const counts = ROLES.map((r) => [r, lines.filter((l) => l.role === r).length] as const).filter(([, n]) => n > 0);
  const listed = lines.filter((l) => l.role !== 'paragraph' && l.role !== 'literal');
  return (
    <section aria-label={messages.linesHeading}>
      <h4>{messages.linesHeading}</h4>
      <p>{messages.linesSummary(counts.map(([r, n]) => `${n} ${messages.lineRoles[r]}`).join(', '))}</p>
      {listed.length > 0 && (
        <details open={listed.some((l) => l.role === 'problem')}>
          <summary>{messages.listedLinesHeading}</summary>
          <ul className="import-lines">
            {listed.map((l) => (
              <li key={l.line} className={`line-${l.role}`}>
                <span className="muted">
                  {messages.line(l.line)} · {messages.lineRoles[l.role]}:
                </span>{' '}
                {l.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
