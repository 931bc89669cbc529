import type { DOCUMENT_LANGUAGES, DocumentLanguage } from '@omnibus/shared/document-words';
import type { EXPORT_FORMATS, EXPORT_KINDS, ExportFormat, ExportKind } from '@omnibus/shared/export-schemas';
import type { VersionSummary } from '@omnibus/shared/workflow-schemas';
import { useEffect, useState } from 'react';
import { documentsApi } from '../../api/documents';
import { saveFile } from '../../api/negotiation';
import { workflowApi } from '../../api/workflow';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ImportForm } from './ImportForm';
import { ErrorLine } from '../draft/ErrorLine';
import { LANGUAGE_NAMES, useT } from '../../i18n';

// Written out (typed against the shared tuples) so the request schemas stay out of the bundle.
const KINDS: typeof EXPORT_KINDS = ['consensus', 'compilation', 'redline'];
const FORMATS: typeof EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'akn', 'txt'];
// Each language is named in its own words, as a reader looks for it.
const LANGUAGES: typeof DOCUMENT_LANGUAGES = ['en', 'es', 'fr', 'pt'];

// Names of formats stay as their makers write them; only "plain text" is words.
const FORMAT_NAMES: Record<Exclude<ExportFormat, 'txt'>, string> = { docx: 'Word', pdf: 'PDF', html: 'HTML', md: 'Markdown', akn: 'Akoma Ntoso XML' };


function ExportCard({ kind, versions }: { kind: ExportKind; versions: readonly VersionSummary[] }) {
  const { draft, announce } = useRoom();
  const t = useT('documents');
  const title = t(`kind.${kind}.title`);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [lang, setLang] = useState<DocumentLanguage>('en');
  const [version, setVersion] = useState('');
  const [from, setFrom] = useState('');
  const run = useAction(async () => {
    const opts =
      kind === 'redline' ? { from: from || versions[versions.length - 1]?.id || 'live', to: version || 'live' } : { ...(version ? { version } : {}), lang };
    const { blob, fileName } = await documentsApi.export(draft.id, kind, format, opts);
    saveFile(blob, fileName);
    announce(t('exported', { title, file: fileName }));
  });
  return (
    <section className="export-card" aria-label={t(`kind.${kind}.label`)}>
      <h3>{title}</h3>
      <p className="muted">{t(`kind.${kind}.what`)}</p>
      <div className="inline-form">
        {kind === 'redline' && (
          <label>
            {t('from')}
            <select value={from} onChange={(e) => setFrom(e.target.value)}>
              {versions.length === 0 && <option value="live">{t('noVersion')}</option>}
              {[...versions].reverse().map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({v.symbol})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {kind === 'redline' ? t('to') : t('which')}
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            <option value="">{t('asItStands')}</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.symbol})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('formatLabel')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'txt' ? t('format.txt') : FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'redline' && (
          <label title={t('languageHint')}>
            {t('languageOfDocument')}
            <select value={lang} onChange={(e) => setLang(e.target.value as DocumentLanguage)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="primary" disabled={run.busy} onClick={() => void run.run()}>
          {run.busy ? t('preparing') : t(`kind.${kind}.export`)}
        </button>
      </div>
      <ErrorLine error={run.error} />
    </section>
  );
}

/** Exports of the draft for everyone who may take them, and the secretariat's import. */
export function DocumentsView() {
  const { draft } = useRoom();
  const t = useT('documents');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  useEffect(() => {
    workflowApi
      .versions(draft.id)
      .then(setVersions)
      // Exports of the live draft still work without the list; the server explains any refusal.
      .catch(() => undefined);
  }, [draft.id]);
  return (
    <section className="documents-view" aria-label={t('documents')}>
      <h2>{t('export')}</h2>
      {KINDS.map((k) => (
        <ExportCard key={k} kind={k} versions={versions} />
      ))}
      {draft.actions?.importDocuments === true && (
        <>
          <h2>{t('import')}</h2>
          <ImportForm />
        </>
      )}
    </section>
  );
}
