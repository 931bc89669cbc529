import { useState, type FormEvent } from 'react';
import { DOCX_TYPE, documentsApi, type ImportOptions, type ImportPreview } from '../../api/documents';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';
import { formatNumber, useT } from '../../i18n';

interface Doc {
  body: Blob | string;
  type: string;
  name: string;
}

/**
 * The secretariat imports a Chair's draft or an entity's proposal (Word or plain text): a preview
 * first, showing how each paragraph will land and what stops the import, then the import itself.
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
  const previewAction = useAction(async () => {
    const d = current();
    setPreview(await documentsApi.previewImport(draft.id, d.body, d.type, options));
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
    void previewAction.run();
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
          <input type="radio" name="import-source" checked={options.source === 'chair_draft'} onChange={() => setOptions({ source: 'chair_draft', acceptOverCap: false })} />
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
      {preview && <PreviewTable preview={preview} />}
    </form>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useT('documents');
  return (
    <div className="import-preview">
      <p className={preview.verdict.ready ? 'notice' : 'error'} role="status">
        {preview.verdict.message}
      </p>
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
      {preview.problems.length > 0 && (
        <ul className="problems">
          {preview.problems.map((pr, i) => (
            <li key={i}>
              {pr.line !== undefined && t('line', { line: pr.line })}
              {pr.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
