import { useState, type FormEvent } from 'react';
import { DOCX_TYPE, documentsApi, type ImportLineRole, type ImportOptions, type ImportPreview } from '../../api/documents';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';
import { formatNumber, localeOf, useT } from '../../i18n';

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
  const t = useT('documents');
  const [doc, setDoc] = useState<Doc | null>(null);
  const [pasted, setPasted] = useState('');
  const [options, setOptions] = useState<ImportOptions>({ source: 'entity_proposal', acceptOverCap: false });
  const [preview, setPreview] = useState<ImportPreview | null>(null);

  const current = (): Doc => {
    if (doc) return doc;
    if (pasted.trim() === '') throw new Error(t('needDoc'));
    return { body: pasted, type: 'text/plain; charset=utf-8', name: t('pastedText') };
  };
  const previewAction = useAction(async (o: ImportOptions) => {
    const d = current();
    setPreview(await documentsApi.previewImport(draft.id, d.body, d.type, o));
  });
  const commit = useAction(async () => {
    const d = current();
    const result = await documentsApi.commitImport(draft.id, d.body, d.type, options);
    announce(t('imported', { paragraphs: formatNumber(result.paragraphs.length), amendments: formatNumber(result.amendments), name: d.name }));
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
    <form className="import-form" onSubmit={onSubmit} aria-label={t('importLabel')}>
      <label>
        {t('document')}
        <input type="file" accept=".docx,.txt,text/plain" onChange={(e) => onFile(e.target.files?.[0])} />
      </label>
      {!doc && (
        <label>
          {t('paste')}
          <textarea rows={6} value={pasted} onChange={(e) => { setPasted(e.target.value); setPreview(null); }} />
        </label>
      )}
      <fieldset className="kind-choice">
        <legend>{t('whatItIs')}</legend>
        <label>
          <input type="radio" name="import-source" checked={options.source === 'entity_proposal'} onChange={() => setOptions({ ...options, source: 'entity_proposal' })} />
          {t('entityProposal')}
        </label>
        <label>
          <input type="radio" name="import-source" checked={options.source === 'chair_draft'} onChange={() => setOptions({ ...options, source: 'chair_draft', acceptOverCap: false })} />
          {t('chairDraft')}
        </label>
        {options.source === 'entity_proposal' && (
          <label className="check">
            <input type="checkbox" checked={options.acceptOverCap} onChange={(e) => setOptions({ ...options, acceptOverCap: e.target.checked })} />
            {t('overCap')}
          </label>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={previewAction.busy}>
          {t('previewImport')}
        </button>
        {preview && (
          <button type="button" className="primary" disabled={commit.busy || !preview.verdict.ready} onClick={() => void commit.run()}>
            {t('importN', { count: preview.paragraphs.length })}
          </button>
        )}
      </div>
      <ErrorLine error={error} />
      {preview && <PreviewReport preview={preview} chosen={options.sections ?? []} onChoose={chooseSection} />}
    </form>
  );
}

function PreviewReport({ preview, chosen, onChoose }: { preview: ImportPreview; chosen: NonNullable<ImportOptions['sections']>; onChoose: (heading: string, sectionId: string) => void }) {
  const t = useT('documents');
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
              {pr.line !== undefined && t('line', { line: formatNumber(pr.line, { useGrouping: false }) })}
              {pr.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DocumentFacts({ preview }: { preview: ImportPreview }) {
  const t = useT('documents');
  const facts: [string, string | null | undefined][] = [
    [t('preview.facts.symbol'), preview.symbol],
    [t('preview.facts.title'), preview.title],
    [t('preview.facts.adoption'), preview.adoption],
    [t('preview.facts.formula'), preview.formula],
    [t('preview.facts.resolvingFormula'), preview.resolvingFormula],
  ];
  const shown = facts.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '');
  if (shown.length === 0) return null;
  return (
    <section aria-label={t('preview.facts.heading')}>
      <h4>{t('preview.facts.heading')}</h4>
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

// Rounded down to a tenth, so a share short of the whole never reads as 100.
const percentOf = (part: number, whole: number): string => formatNumber(whole === 0 ? 100 : Math.floor((part / whole) * 1000) / 10, { maximumFractionDigits: 1 });

function WordShare({ preview }: { preview: ImportPreview }) {
  const t = useT('documents');
  const words = preview.words;
  if (!words) return null;
  const stored = t('preview.words.stored', { count: words.source, stored: formatNumber(words.stored), source: formatNumber(words.source), percent: percentOf(words.stored, words.source) });
  return (
    <section aria-label={t('preview.words.heading')}>
      <h4>{t('preview.words.heading')}</h4>
      <p>
        <meter min={0} max={words.source} value={words.stored} aria-label={t('preview.words.heading')} /> {stored}
        {words.listed > 0 && ` ${t('preview.words.listed', { count: words.listed, listed: formatNumber(words.listed) })}`}
      </p>
      {words.unaccounted > 0 && (
        <p className="error" role="alert">
          {t('preview.words.lost', { count: words.unaccounted, lost: formatNumber(words.unaccounted), sample: words.unaccountedSample.join(', ') })}
        </p>
      )}
    </section>
  );
}

function SectionChoices({ preview, chosen, onChoose }: { preview: ImportPreview; chosen: NonNullable<ImportOptions['sections']>; onChoose: (heading: string, sectionId: string) => void }) {
  const { draft } = useRoom();
  const t = useT('documents');
  const open = preview.headings.filter((h) => h.paragraphs > 0 && (h.sectionId === null || chosen.some((c) => c.heading === h.heading)));
  if (open.length === 0) return null;
  return (
    <fieldset className="import-sections">
      <legend>{t('preview.sections.heading')}</legend>
      {open.map((h) => (
        <label key={h.heading}>
          {h.heading === '' ? t('preview.sections.forNone') : t('preview.sections.forHeading', { heading: h.heading })}
          <select value={chosen.find((c) => c.heading === h.heading)?.sectionId ?? ''} onChange={(e) => onChoose(h.heading, e.target.value)}>
            <option value="">{t('preview.sections.choose')}</option>
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
  const t = useT('documents');
  return (
    <table>
      <thead>
        <tr>
          <th>{t('col.section')}</th>
          <th>{t('col.label')}</th>
          <th>{t('col.text')}</th>
          <th>{t('col.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.paragraphs.map((p) => (
          <tr key={p.index} className={p.errors.length > 0 ? 'has-errors' : p.fits ? '' : 'over-cap'}>
            <td>{p.sectionKey ?? <em>{p.heading || t('unknown')}</em>}</td>
            <td>
              {p.label ?? '—'}
              {p.sourceLabel && p.label !== p.sourceLabel && <span className="muted">{t('written', { label: p.sourceLabel })}</span>}
            </td>
            <td>
              {p.sponsors.length > 0 && <strong>{p.sponsors.join(', ')}: </strong>}
              {p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text}
            </td>
            <td>{[...p.errors, ...p.warnings, ...(p.fits ? [] : [t('pastCap')])].join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What became of every line: counted by role, and each line whose words are not paragraph text listed with its number. */
function LineAccount({ preview }: { preview: ImportPreview }) {
  const t = useT('documents');
  const lines = preview.lines ?? [];
  if (lines.length === 0) return null;
  const counts = ROLES.map((r) => [r, lines.filter((l) => l.role === r).length] as const).filter(([, n]) => n > 0);
  const listed = lines.filter((l) => l.role !== 'paragraph' && l.role !== 'literal');
  const tallies = counts.map(([r, n]) => t('preview.lines.tally', { n: formatNumber(n), role: t(`preview.roles.${r}`) }));
  return (
    <section aria-label={t('preview.lines.heading')}>
      <h4>{t('preview.lines.heading')}</h4>
      <p>{t('preview.lines.summary', { counts: new Intl.ListFormat(localeOf(), { type: 'unit', style: 'short' }).format(tallies) })}</p>
      {listed.length > 0 && (
        <details open={listed.some((l) => l.role === 'problem')}>
          <summary>{t('preview.lines.listedHeading')}</summary>
          <ul className="import-lines">
            {listed.map((l) => (
              <li key={l.line} className={`line-${l.role}`}>
                <span className="muted">
                  {t('preview.lines.item', { line: formatNumber(l.line, { useGrouping: false }), role: t(`preview.roles.${l.role}`) })}
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
