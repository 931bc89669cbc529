import type { QueueItemView, SessionView } from '@omnibus/shared/workflow-schemas';
import { paragraphAnchor } from '../draft/ParagraphCard';
import { queueName } from '../draft/names';

const GROUP_TITLES: Record<QueueItemView['group'], string> = {
  consensus: 'In consensus',
  amended: 'With amendments',
  new: 'New paragraphs',
};

const STATUS_WORDS: Record<QueueItemView['status'], string> = {
  waiting: 'waiting',
  called: 'under consideration',
  skipped: 'skipped',
  decided: 'decided',
};

/** The queue in the seed's order: consensus first, then amended, then new. */
export function QueueList({ session, onCall }: { session: SessionView; onCall?: (item: QueueItemView) => void }) {
  const groups = (['consensus', 'amended', 'new'] as const).map((g) => ({ group: g, items: session.queue.filter((q) => q.group === g) }));
  return (
    <div className="queue">
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <section key={g.group} aria-label={GROUP_TITLES[g.group]}>
            <h4>
              {GROUP_TITLES[g.group]} <span className="muted">({g.items.length})</span>
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
                    {q.status === 'decided' ? q.paragraphStatus : STATUS_WORDS[q.status]}
                    {q.returning && ' · returning'}
                  </span>
                  {onCall && q.status !== 'decided' && q.paragraphId !== session.currentParagraphId && (
                    <button type="button" className="quiet" onClick={() => onCall(q)} aria-label={`Call ${q.sectionKey} ${q.label}`}>
                      Call
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
