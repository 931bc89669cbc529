import type { DOCUMENT_LANGUAGES, DocumentLanguage } from '@omnibus/shared/document-words';
import type { EXPORT_FORMATS, EXPORT_KINDS, ExportFormat, ExportKind } from '@omnibus/shared/export-schemas';
import type { VersionSummary } from '@omnibus/shared/workflow-schemas';
import { useEffect, useState } from 'react';
import { documentsApi } from '../../api/documents';
import { workflowApi } from '../../api/workflow';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ImportForm } from './ImportForm';
import { ErrorLine } from '../draft/ErrorLine';

// Written out (typed against the shared tuples) so the request schemas stay out of the bundle.
const KINDS: typeof EXPORT_KINDS = ['consensus', 'compilation', 'redline'];
const FORMATS: typeof EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'akn', 'txt'];
const LANGUAGES: typeof DOCUMENT_LANGUAGES = ['en', 'es', 'fr', 'pt'];

/**
 * The words of this view, in one place so they move into the client's message catalogues as
 * they are. Each language is named in its own words, as a reader looks for it.
 */
export const DOCUMENT_MESSAGES = {
  language: 'Language of the document',
  languageNames: { en: 'English', es: 'Español', fr: 'Français', pt: 'Português' } satisfies Record<DocumentLanguage, string>,
  languageHint: 'The formula, headings, dates and the header block are in this language; the paragraphs are as negotiated.',
} as const;

const KIND_WORDS: Record<ExportKind, { title: string; what: string }> = {
  consensus: { title: 'Consensus draft', what: 'Approved text only, brackets gone, paragraphs renumbered, reservations as footnotes: for the General Assembly.' },
  compilation: { title: 'Compilation text', what: 'Every paragraph with all brackets and their sponsors.' },
  redline: { title: 'Redline', what: 'Insertions and deletions between two versions, or a version and the draft as it stands.' },
};

const FORMAT_WORDS: Record<ExportFormat, string> = { docx: 'Word', pdf: 'PDF', html: 'HTML', md: 'Markdown', akn: 'Akoma Ntoso XML', txt: 'Plain text' };

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ExportCard({ kind, versions }: { kind: ExportKind; versions: readonly VersionSummary[] }) {
  const { draft, announce } = useRoom();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [lang, setLang] = useState<DocumentLanguage>('en');
  const [version, setVersion] = useState('');
  const [from, setFrom] = useState('');
  const run = useAction(async () => {
    const opts =
      kind === 'redline' ? { from: from || versions[versions.length - 1]?.id || 'live', to: version || 'live' } : { ...(version ? { version } : {}), lang };
    const { blob, fileName } = await documentsApi.export(draft.id, kind, format, opts);
    save(blob, fileName);
    announce(`${KIND_WORDS[kind].title} exported as ${fileName}.`);
  });
  return (
    <section className="export-card" aria-label={`Export the ${KIND_WORDS[kind].title.toLowerCase()}`}>
      <h3>{KIND_WORDS[kind].title}</h3>
      <p className="muted">{KIND_WORDS[kind].what}</p>
      <div className="inline-form">
        {kind === 'redline' && (
          <label>
            From
            <select value={from} onChange={(e) => setFrom(e.target.value)}>
              {versions.length === 0 && <option value="live">No version published yet</option>}
              {[...versions].reverse().map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({v.symbol})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {kind === 'redline' ? 'To' : 'Which text'}
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            <option value="">The draft as it stands</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.symbol})
              </option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_WORDS[f]}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'redline' && (
          <label title={DOCUMENT_MESSAGES.languageHint}>
            {DOCUMENT_MESSAGES.language}
            <select value={lang} onChange={(e) => setLang(e.target.value as DocumentLanguage)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {DOCUMENT_MESSAGES.languageNames[l]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="primary" disabled={run.busy} onClick={() => void run.run()}>
          {run.busy ? 'Preparing…' : `Export ${KIND_WORDS[kind].title.toLowerCase()}`}
        </button>
      </div>
      <ErrorLine error={run.error} />
    </section>
  );
}

/** Exports of the draft for everyone who may take them, and the secretariat's import. */
export function DocumentsView() {
  const { draft, user } = useRoom();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  useEffect(() => {
    workflowApi
      .versions(draft.id)
      .then(setVersions)
      // Exports of the live draft still work without the list; the server explains any refusal.
      .catch(() => undefined);
  }, [draft.id]);
  return (
    <section className="documents-view" aria-label="Documents">
      <h2>Export</h2>
      {KINDS.map((k) => (
        <ExportCard key={k} kind={k} versions={versions} />
      ))}
      {user.role === 'secretariat' && (
        <>
          <h2>Import</h2>
          <ImportForm />
        </>
      )}
    </section>
  );
}
