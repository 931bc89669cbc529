import type { CommentView } from '@omnibus/shared';
import type { CommentRow } from './comments.repository';

export function commentView(r: CommentRow): CommentView {
  return {
    id: r.id,
    paragraphId: r.paragraphId,
    parentId: r.parentId,
    author: { username: r.username, displayName: r.displayName, role: r.role, delegation: r.delegation },
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    replies: [],
  };
}

/** Threads: top-level comments in the order written, each with its replies nested under it. */
export function commentTree(rows: readonly CommentRow[]): CommentView[] {
  const views = new Map(rows.map((r) => [r.id, commentView(r)]));
  const roots: CommentView[] = [];
  for (const r of rows) {
    const view = views.get(r.id) as CommentView;
    const parent = r.parentId === null ? undefined : views.get(r.parentId);
    if (parent) parent.replies.push(view);
    else roots.push(view);
  }
  return roots;
}
