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
import { formatDateTime, formatNumber, i18n, useT } from '../../i18n';

const LIVE_SIDE = 'live';


function sideName(versions: readonly VersionSummary[], id: string): string {
  if (id === LIVE_SIDE) return i18n.t('versions:asItStands');
  const v = versions.find((x) => x.id === id);
  return v ? `${v.name} (${v.symbol})` : id;
}

function RedlineResult({ redline, onlyChanged }: { redline: DraftRedline; onlyChanged: boolean }) {
  const t = useT('versions');
  const rows = redline.paragraphs.filter((p) => !onlyChanged || p.change !== 'unchanged');
  return (
    <div className="draft-redline">
      <p className="redline-summary">
        {(Object.keys(redline.summary) as ParagraphChange[])
          .filter((k) => redline.summary[k] > 0)
          .map((k) => t('summaryItem', { count: formatNumber(redline.summary[k]), change: t(`change.${k}`) }))
          .join(' · ') || t('noParagraph')}
      </p>
      {rows.length === 0 && <p className="muted">{t('noneChanged')}</p>}
      {rows.map((p) => (
        <article key={p.paragraphId} className={`redline-paragraph change-${p.change}`} data-change={p.change}>
          <header>
            <strong>
              {p.sectionKeyAfter ?? p.sectionKeyBefore} {p.labelAfter ?? p.labelBefore}
            </strong>
            {p.labelBefore && p.labelAfter && p.labelBefore !== p.labelAfter && <span className="muted">{t('was', { label: p.labelBefore })}</span>}{' '}
            <span className={`badge change change-${p.change}`}>{t(`change.${p.change}`)}</span>
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
  const t = useT('versions');
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
    if (!from) throw new Error(t('chooseFrom'));
    setRedline(await workflowApi.redline(draft.id, from, to));
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void compare.run();
  };
  const options = versions ?? [];
  return (
    <section className="versions-view" aria-label={t('label')}>
      <h2>{t('versions')}</h2>
      <ErrorLine error={loadError} />
      {versions && versions.length === 0 && <p className="muted">{t('none')}</p>}
      {options.length > 0 && (
        <table className="versions">
          <thead>
            <tr>
              <th>{t('col.number')}</th>
              <th>{t('col.name')}</th>
              <th>{t('col.symbol')}</th>
              <th>{t('col.published')}</th>
              <th>{t('col.classification')}</th>
            </tr>
          </thead>
          <tbody>
            {options.map((v) => (
              <tr key={v.id}>
                <td>{v.number}</td>
                <td>{v.name}</td>
                <td>{v.symbol}</td>
                <td>{formatDateTime(v.publishedAt)}</td>
                <td>
                  {v.classification.consensus.length} / {v.classification.amended.length} / {v.classification.new.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('redline')}</h2>
      <form className="inline-form" onSubmit={onSubmit} aria-label={t('compareLabel')}>
        <label>
          {t('from')}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {options.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.symbol})
              </option>
            ))}
            <option value={LIVE_SIDE}>{t('asItStandsOption')}</option>
          </select>
        </label>
        <label>
          {t('to')}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            <option value={LIVE_SIDE}>{t('asItStandsOption')}</option>
            {options.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.symbol})
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {t('onlyChanged')}
        </label>
        <button type="submit" className="primary" disabled={compare.busy}>
          {t('compare')}
        </button>
      </form>
      <ErrorLine error={compare.error} />
      {redline && (
        <>
          <p className="muted">
            {t('legend', { from: sideName(options, redline.from.id), to: sideName(options, redline.to.id) })}
          </p>
          <RedlineResult redline={redline} onlyChanged={onlyChanged} />
        </>
      )}
    </section>
  );
}
