import type { QueueItemView, SessionView } from '@omnibus/shared/workflow-schemas';
import { paragraphAnchor } from '../draft/ParagraphCard';
import { queueName } from '../draft/names';
import { formatNumber, useT } from '../../i18n';


/** The queue in the seed's order: consensus first, then amended, then new. */
export function QueueList({ session, onCall }: { session: SessionView; onCall?: (item: QueueItemView) => void }) {
  const t = useT('session');
  const groups = (['consensus', 'amended', 'new'] as const).map((g) => ({ group: g, items: session.queue.filter((q) => q.group === g) }));
  return (
    <div className="queue">
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <section key={g.group} aria-label={t(`group.${g.group}`)}>
            <h4>
              {t(`group.${g.group}`)} <span className="muted">({formatNumber(g.items.length)})</span>
            </h4>
            <ol>
              {g.items.map((q) => (
                <li
                  key={q.paragraphId}
                  className={`queue-item queue-${q.status}${q.paragraphId === session.currentParagraphId ? ' current' : ''}`}
                  data-queue-label={`${q.sectionKey} ${q.label}`}
                  aria-current={q.paragraphId === session.currentParagraphId ? 'true' : undefined}
                >
                  <a href={`#${paragraphAnchor({ id: q.paragraphId })}`}>
                    {queueName(q)}
                  </a>
                  <span className="queue-status">
                    {q.status === 'decided' ? t(`draft:status.${q.paragraphStatus}`) : t(`queueStatus.${q.status}`)}
                    {q.returning && t('returning')}
                  </span>
                  {onCall && q.status !== 'decided' && q.paragraphId !== session.currentParagraphId && (
                    <button type="button" className="quiet" onClick={() => onCall(q)} aria-label={t('callLabel', { name: `${q.sectionKey} ${q.label}` })}>
                      {t('call')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
    </div>
  );
}
