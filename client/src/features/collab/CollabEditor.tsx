import type { ParagraphView, UserView } from '@omnibus/shared';
import { COLLAB_DOC } from '@omnibus/shared/collab-model';
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { isOpen } from '../draft/permissions';
import { i18n, useT } from '../../i18n';
import type { CollabConnection } from './collab-connection';
import { useCollabState } from './collab-context';
import { decorationSet, type RemoteCursor } from './decorations';
import { judgeTransaction, type EditRights } from './edit-rules';
import type { CollabAwarenessState } from './protocol';
import { REMOTE_META, applyToYText, docFromYText, remoteTransaction } from './ytext-binding';
import { ErrorLine } from '../draft/ErrorLine';

/**
 * The person's rights in one paragraph's text, as the server gave them: `canWrite` from the
 * co-editing session (the access policy's draft.coedit.write), the base text from the
 * paragraph's `actions.editText`; which brackets are theirs the brackets' sponsors say.
 */
export function rightsFor(user: UserView, p: ParagraphView, canWrite: boolean): EditRights {
  return { delegation: user.delegation, base: p.actions?.editText === true, write: canWrite && isOpen(p) };
}

function remoteCursors(conn: CollabConnection, ytext: Y.Text, paragraphId: string): RemoteCursor[] {
  const out: RemoteCursor[] = [];
  conn.awareness.getStates().forEach((raw, clientId) => {
    if (clientId === conn.awareness.clientID) return;
    const s = raw as Partial<CollabAwarenessState>;
    if (s.paragraphId !== paragraphId || !s.cursor || !s.user) return;
    const abs = (json: unknown) => {
      const pos = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), conn.doc);
      return pos && pos.type === ytext ? pos.index : null;
    };
    const anchor = abs(s.cursor.anchor);
    const head = abs(s.cursor.head);
    if (anchor === null || head === null) return;
    out.push({ clientId, label: s.user.delegation ?? s.user.delegationName, color: s.user.color, anchor, head });
  });
  return out;
}

/** How long other people's caret moves gather before they are drawn together (one frame). */
const CARET_FRAME_MS = 16;

const SAVE_WORDS = (unsaved: number, status: string): string => {
  if (status === 'offline') return unsaved > 0 ? i18n.t('collab:offlineUnsaved') : i18n.t('collab:offline');
  if (status === 'connecting') return i18n.t('collab:connecting');
  if (status === 'refused') return i18n.t('collab:refused');
  return unsaved > 0 ? i18n.t('collab:saving') : i18n.t('collab:saved');
};

/**
 * The paragraph's text, co-edited live: everyone's typing, carets labelled by delegation, brackets
 * drawn with their sponsors. What a person may not change is stopped before it is typed.
 */
export function CollabEditor({ conn, paragraph, user }: { conn: CollabConnection; paragraph: ParagraphView; user: UserView }) {
  const t = useT('collab');
  const host = useRef<HTMLDivElement>(null);
  const state = useCollabState(conn);
  const [ytext, setYtext] = useState<Y.Text | null>(() => conn.paragraphText(paragraph.id));
  const [hint, setHint] = useState<string | null>(null);
  const canWrite = state.session?.canWrite ?? false;
  const rights = rightsFor(user, paragraph, canWrite);
  const rightsRef = useRef(rights);
  rightsRef.current = rights;
  const viewRef = useRef<EditorView | null>(null);
  // The view asks `editable` again on its next update: give it one when the rights change.
  useEffect(() => {
    const view = viewRef.current;
    if (view) view.dispatch(view.state.tr.setMeta(REMOTE_META, true));
  }, [rights.write, rights.base]);

  // The paragraph appears once the first sync has brought the document (and again after a rebuild).
  useEffect(() => {
    const paragraphs = conn.doc.getMap(COLLAB_DOC.paragraphs);
    const look = () => setYtext(conn.paragraphText(paragraph.id));
    look();
    paragraphs.observe(look);
    return () => paragraphs.unobserve(look);
  }, [conn, conn.doc, paragraph.id, state.generation]);

  useEffect(() => {
    const el = host.current;
    if (!el || !ytext) return;
    const origin = { binding: paragraph.id };
    // Whose carets are drawn in this paragraph now: a change of their presence, or of anyone's who
    // comes here, redraws them; presence elsewhere in the draft (most of it, in a full room) does not.
    const drawn = new Set<number>();
    const undo = new Y.UndoManager(ytext, { trackedOrigins: new Set([origin]) });
    const plugin = new Plugin({
      filterTransaction: (tr: Transaction) => {
        if (tr.getMeta(REMOTE_META) || !tr.docChanged) return true;
        const verdict = judgeTransaction(rightsRef.current, tr);
        setHint(verdict.ok ? null : verdict.message);
        return verdict.ok;
      },
      // Resolved at every redraw: a cursor may arrive before the words it points into.
      props: {
        decorations: (s) => {
          const cursors = remoteCursors(conn, ytext, paragraph.id);
          drawn.clear();
          for (const c of cursors) drawn.add(c.clientId);
          return decorationSet(s.doc, cursors);
        },
      },
    });
    const publishCursor = (view: EditorView) => {
      const { anchor, head } = view.state.selection;
      const rel = (i: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, i));
      conn.setPresence(paragraph.id, { anchor: rel(anchor), head: rel(head) });
    };
    const view: EditorView = new EditorView(el, {
      state: EditorState.create({
        doc: docFromYText(ytext),
        plugins: [
          keymap({ 'Mod-z': () => (undo.undo(), true), 'Mod-y': () => (undo.redo(), true), 'Shift-Mod-z': () => (undo.redo(), true), Enter: () => true }),
          keymap(baseKeymap),
          plugin,
        ],
      }),
      editable: () => rightsRef.current.write,
      attributes: { class: 'collab-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': i18n.t('collab:textOf', { label: paragraph.label }) },
      dispatchTransaction(tr) {
        // A transaction the rules filter out is not applied, and must not be shared either.
        const { state: next, transactions } = view.state.applyTransaction(tr);
        view.updateState(next);
        for (const applied of transactions) {
          if (applied.docChanged && !applied.getMeta(REMOTE_META)) applyToYText(ytext, applied, origin);
        }
        if (view.hasFocus() && (tr.selectionSet || tr.docChanged)) publishCursor(view);
      },
      handleDOMEvents: {
        focus: (v) => {
          publishCursor(v);
          return false;
        },
      },
    });
    viewRef.current = view;
    const onText = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return;
      view.dispatch(remoteTransaction(view.state, event.delta as never));
    };
    ytext.observe(onText);
    // At most one redraw a frame, however many carets move in it.
    let redraw: ReturnType<typeof setTimeout> | null = null;
    const offAwareness = conn.onAwareness((changed) => {
      const states = conn.awareness.getStates();
      const here = (id: number) => drawn.has(id) || (states.get(id) as Partial<CollabAwarenessState> | undefined)?.paragraphId === paragraph.id;
      if (redraw !== null || (changed !== null && !changed.some(here))) return;
      redraw = setTimeout(() => {
        redraw = null;
        view.dispatch(view.state.tr.setMeta(REMOTE_META, true));
      }, CARET_FRAME_MS);
    });
    return () => {
      offAwareness();
      if (redraw !== null) clearTimeout(redraw);
      ytext.unobserve(onText);
      undo.destroy();
      if (conn.presenceIn(paragraph.id)) conn.setPresence(null, null);
      viewRef.current = null;
      view.destroy();
    };
  }, [conn, ytext, paragraph.id, paragraph.label]);

  return (
    <div className="collab" data-collab-status={state.status} data-unsaved={state.unsaved}>
      {!ytext && <p className="muted">{t('opening')}</p>}
      <div ref={host} className="collab-host" />
      <p className={`collab-status collab-${state.status}`} role="status">
        {SAVE_WORDS(state.unsaved, state.status)}
        {!rights.write && state.status === 'synced' && t('following')}
      </p>
      {hint && (
        <p className="hint" role="alert">
          {hint}
        </p>
      )}
      <ErrorLine error={state.message} />
    </div>
  );
}
