import type { ParagraphView } from '@omnibus/shared';
import type { CommentView } from '@omnibus/shared/workflow-schemas';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/http';
import { workflowApi } from '../../api/workflow';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { useLiveRoom } from '../session/live-context';
import { ErrorLine } from '../draft/ErrorLine';
import { useProposalWindow } from '../phase/proposal-window';
import { formatDateTime, useT } from '../../i18n';

function author(c: CommentView): string {
  return c.author.delegation ? `${c.author.delegation} · ${c.author.displayName}` : c.author.displayName;
}

function ReplyForm({ onSend, label }: { onSend: (body: string) => Promise<void>; label: string }) {
  const t = useT('comments');
  const [body, setBody] = useState('');
  const send = useAction(async () => {
    if (body.trim() === '') throw new Error(t('needBody'));
    await onSend(body.trim());
    setBody('');
  });
  return (
    <form
      className="comment-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void send.run();
      }}
    >
      <label>
        {label}
        <textarea rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <ErrorLine error={send.error} />
      <button type="submit" disabled={send.busy}>
        {t('send')}
      </button>
    </form>
  );
}

function CommentItem({ c, reply, canWrite }: { c: CommentView; reply: (body: string, parentId: string) => Promise<void>; canWrite: boolean }) {
  const t = useT('comments');
  const [replying, setReplying] = useState(false);
  return (
    <li className="comment" data-comment={c.id}>
      <p className="comment-meta">
        <strong>{author(c)}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
      </p>
      <p className="comment-body">{c.body}</p>
      {canWrite && (
        <button type="button" className="quiet" aria-expanded={replying} onClick={() => setReplying((v) => !v)}>
          {t('reply')}
        </button>
      )}
      {replying && (
        <ReplyForm
          label={t('replyTo', { name: c.author.delegation ?? c.author.displayName })}
          onSend={async (body) => {
            await reply(body, c.id);
            setReplying(false);
          }}
        />
      )}
      {c.replies.length > 0 && (
        <ul className="replies">
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} reply={reply} canWrite={canWrite} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The comments on a paragraph, threaded; new ones arrive through the live channel. */
export function CommentsThread({ paragraph }: { paragraph: ParagraphView }) {
  const { user } = useRoom();
  const t = useT('comments');
  const live = useLiveRoom();
  const [thread, setThread] = useState<CommentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setThread(await workflowApi.comments(paragraph.id));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [paragraph.id]);
  // Read on opening, and again when anyone comments anywhere: cheaper to reason about than merging one reply into the tree.
  const commentsSeen = live?.commentsSeen ?? 0;
  useEffect(() => {
    void load();
  }, [load, commentsSeen]);
  const send = async (body: string, parentId?: string) => {
    await workflowApi.addComment(paragraph.id, body, parentId);
    await load();
  };
  const proposals = useProposalWindow(user);
  // Who may comment the server says with the paragraph; the comment window binds delegations meanwhile.
  const canWrite = paragraph.actions?.comment === true && proposals.open;
  return (
    <section className="panel comments" aria-label={t('label', { label: paragraph.label })}>
      <h4>{t('label', { label: paragraph.label })}</h4>
      <ErrorLine error={error} />
      {thread && thread.length === 0 && <p className="muted">{t('none')}</p>}
      {thread && thread.length > 0 && (
        <ul className="thread">
          {thread.map((c) => (
            <CommentItem key={c.id} c={c} reply={(body, parentId) => send(body, parentId)} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {canWrite && <ReplyForm label={t('new')} onSend={(body) => send(body)} />}
      {!proposals.open && <p className="muted">{proposals.reason}</p>}
    </section>
  );
}
