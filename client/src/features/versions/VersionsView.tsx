import type { DraftRedline, ParagraphChange } from '@omnibus/shared';
import type { VersionSummary } from '@omnibus/shared/workflow-schemas';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/http';
import { workflowApi } from '../../api/workflow';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { Redline } from '../redline/Redline';
import { useLiveRoom } from '../session/live-context';
import { ErrorLine } from '../draft/ErrorLine';

const LIVE_SIDE = 'live';

const CHANGE_WORDS: Record<ParagraphChange, string> = {
  unchanged: 'unchanged',
  modified: 'changed',
  added: 'added',
  deleted: 'deleted',
  moved: 'moved',
};

function sideName(versions: readonly VersionSummary[], id: string): string {
  if (id === LIVE_SIDE) return 'the draft as it stands';
  const v = versions.find((x) => x.id === id);
  return v ? `${v.name} (${v.symbol})` : id;
}

function RedlineResult({ redline, onlyChanged }: { redline: DraftRedline; onlyChanged: boolean }) {
  const rows = redline.paragraphs.filter((p) => !onlyChanged || p.change !== 'unchanged');
  return (
    <div className="draft-redline">
      <p className="redline-summary">
        {(Object.keys(redline.summary) as ParagraphChange[])
          .filter((k) => redline.summary[k] > 0)
          .map((k) => `${redline.summary[k]} ${CHANGE_WORDS[k]}`)
          .join(' · ') || 'No paragraph.'}
      </p>
      {rows.length === 0 && <p className="muted">No paragraph changed between these two texts.</p>}
      {rows.map((p) => (
        <article key={p.paragraphId} className={`redline-paragraph change-${p.change}`} data-change={p.change}>
          <header>
            <strong>
              {p.sectionKeyAfter ?? p.sectionKeyBefore} {p.labelAfter ?? p.labelBefore}
            </strong>
            {p.labelBefore && p.labelAfter && p.labelBefore !== p.labelAfter && <span className="muted"> (was {p.labelBefore})</span>}{' '}
            <span className={`badge change change-${p.change}`}>{CHANGE_WORDS[p.change]}</span>
          </header>
          <p className="redline-text">
            <Redline diff={p.diff} />
          </p>
        </article>
      ))}
    </div>
  );
}

/** Published versions, and a word-level redline between any two of them or the draft as it stands. */
export function VersionsView() {
  const { draft } = useRoom();
  const live = useLiveRoom();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(LIVE_SIDE);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [redline, setRedline] = useState<DraftRedline | null>(null);
  const versionsSeen = live?.versionsSeen ?? 0;

  useEffect(() => {
    workflowApi
      .versions(draft.id)
      .then((list) => {
        setVersions(list);
        setFrom((cur) => cur || list[list.length - 1]?.id || '');
      })
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  }, [draft.id, versionsSeen]);

  const compare = useAction(async () => {
    if (!from) throw new Error('Choose the version to compare from.');
    setRedline(await workflowApi.redline(draft.id, from, to));
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void compare.run();
  };
  const options = versions ?? [];
  return (
    <section className="versions-view" aria-label="Versions and redline">
      <h2>Versions</h2>
      <ErrorLine error={loadError} />
      {versions && versions.length === 0 && <p className="muted">No version has been published yet; the chair publishes the first draft.</p>}
      {options.length > 0 && (
        <table className="versions">
          <thead>
            <tr>
              <th>No.</th>
              <th>Name</th>
              <th>Symbol</th>
              <th>Published</th>
              <th>Consensus / amended / new</th>
            </tr>
          </thead>
          <tbody>
            {options.map((v) => (
              <tr key={v.id}>
                <td>{v.number}</td>
                <td>{v.name}</td>
                <td>{v.symbol}</td>
                <td>{new Date(v.publishedAt).toLocaleString()}</td>
                <td>
                  {v.classification.consensus.length} / {v.classification.amended.length} / {v.classification.new.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Redline</h2>
      <form className="inline-form" onSubmit={onSubmit} aria-label="Compare two texts">
        <label>
          From
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {options.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.symbol})
              </option>
            ))}
            <option value={LIVE_SIDE}>The draft as it stands</option>
          </select>
        </label>
        <label>
          To
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            <option value={LIVE_SIDE}>The draft as it stands</option>
            {options.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.symbol})
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> Only changed paragraphs
        </label>
        <button type="submit" className="primary" disabled={compare.busy}>
          Compare
        </button>
      </form>
      <ErrorLine error={compare.error} />
      {redline && (
        <>
          <p className="muted">
            From {sideName(options, redline.from.id)} to {sideName(options, redline.to.id)}: insertions underlined, deletions struck through.
          </p>
          <RedlineResult redline={redline} onlyChanged={onlyChanged} />
        </>
      )}
    </section>
  );
}
