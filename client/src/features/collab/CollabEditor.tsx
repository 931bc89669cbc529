import type { ParagraphView, UserView } from '@omnibus/shared';
import { COLLAB_DOC } from '@omnibus/shared/collab-model';
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import { isOpen } from '../draft/permissions';
import { i18n, useT } from '../../i18n';
import type { CollabConnection } from './collab-connection';
import { useCollabSelect } from './collab-context';
import { bracketsPlugin, cursorSet, type RemoteCursor } from './decorations';
import { judgeTransaction, type EditRights } from './edit-rules';
import type { CollabAwarenessState } from './protocol';
import { REMOTE_META, applyToYText, docFromYText, remoteTransaction } from './ytext-binding';
import { ErrorLine } from '../draft/ErrorLine';
import { keystrokeTyped } from '../live-state/typing-pause';

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
 * The frame around the editor, with the connection's status and the exact count of unsaved changes
 * as attributes (what tests and tools wait on). The count moves with every keystroke queued, sent
 * and acknowledged: it is written to the element directly, without a redraw of the frame or the
 * editor inside it.
 */
function CollabFrame({ conn, children }: { conn: CollabConnection; children: ReactNode }) {
  const status = useCollabSelect(conn, (s) => s.status);
  const frame = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const show = (unsaved: number) => el.setAttribute('data-unsaved', String(unsaved));
    show(conn.unsavedNow());
    return conn.onUnsaved(show);
  }, [conn]);
  return (
    <div ref={frame} className="collab" data-collab-status={status}>
      {children}
    </div>
  );
}

/** "Saving…", "Saved", "Offline"…: where this person's typing stands. */
function SaveStatus({ conn, write }: { conn: CollabConnection; write: boolean }) {
  const t = useT('collab');
  const status = useCollabSelect(conn, (s) => s.status);
  const unsaved = useCollabSelect(conn, (s) => s.unsaved);
  return (
    <p className={`collab-status collab-${status}`} role="status">
      {SAVE_WORDS(unsaved, status)}
      {!write && status === 'synced' && t('following')}
    </p>
  );
}

/**
 * The paragraph's text, co-edited live: everyone's typing, carets labelled by delegation, brackets
 * drawn with their sponsors. What a person may not change is stopped before it is typed.
 */
export function CollabEditor({ conn, paragraph, user }: { conn: CollabConnection; paragraph: ParagraphView; user: UserView }) {
  const t = useT('collab');
  const host = useRef<HTMLDivElement>(null);
  const canWrite = useCollabSelect(conn, (s) => s.session?.canWrite ?? false);
  const generation = useCollabSelect(conn, (s) => s.generation);
  const message = useCollabSelect(conn, (s) => s.message);
  const [ytext, setYtext] = useState<Y.Text | null>(() => conn.paragraphText(paragraph.id));
  const [hint, setHint] = useState<string | null>(null);
  // The hint on screen, so that a keystroke that changes nothing of it asks React for nothing.
  const hintShown = useRef<string | null>(null);
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
  }, [conn, conn.doc, paragraph.id, generation]);

  useEffect(() => {
    const el = host.current;
    if (!el || !ytext) return;
    const origin = { binding: paragraph.id };
    // Whose carets are drawn in this paragraph now: a change of their presence, or of anyone's who
    // comes here, redraws them; presence elsewhere in the draft (most of it, in a full room) does not.
    const drawn = new Set<number>();
    const undo = new Y.UndoManager(ytext, { trackedOrigins: new Set([origin]) });
    const rules = new Plugin({
      filterTransaction: (tr: Transaction) => {
        if (tr.getMeta(REMOTE_META) || !tr.docChanged) return true;
        const verdict = judgeTransaction(rightsRef.current, tr);
        const next = verdict.ok ? null : verdict.message;
        if (next !== hintShown.current) setHint((hintShown.current = next));
        return verdict.ok;
      },
    });
    const carets = new Plugin({
      // Resolved at every redraw: a cursor may arrive before the words it points into.
      props: {
        decorations: (s) => {
          const cursors = remoteCursors(conn, ytext, paragraph.id);
          drawn.clear();
          for (const c of cursors) drawn.add(c.clientId);
          return cursorSet(s.doc, cursors);
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
          rules,
          bracketsPlugin(),
          carets,
        ],
      }),
      editable: () => rightsRef.current.write,
      attributes: { class: 'collab-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': i18n.t('collab:textOf', { label: paragraph.label }) },
      dispatchTransaction(tr) {
        // A transaction the rules filter out is not applied, and must not be shared either.
        const { state: next, transactions } = view.state.applyTransaction(tr);
        view.updateState(next);
        let typed = false;
        for (const applied of transactions) {
          if (applied.docChanged && !applied.getMeta(REMOTE_META)) {
            applyToYText(ytext, applied, origin);
            typed = true;
          }
        }
        if (typed) keystrokeTyped();
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
      // This person's own caret is the browser's, never drawn: their own moves redraw nothing.
      const here = (id: number) =>
        id !== conn.awareness.clientID && (drawn.has(id) || (states.get(id) as Partial<CollabAwarenessState> | undefined)?.paragraphId === paragraph.id);
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
    <CollabFrame conn={conn}>
      {!ytext && <p className="muted">{t('opening')}</p>}
      <div ref={host} className="collab-host" />
      <SaveStatus conn={conn} write={rights.write} />
      {hint && (
        <p className="hint" role="alert">
          {hint}
        </p>
      )}
      <ErrorLine error={message} />
    </CollabFrame>
  );
}
