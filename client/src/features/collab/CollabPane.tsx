import type { ParagraphView, UserView } from '@omnibus/shared';
import { CollabConnection } from './collab-connection';
import type { CollabHub } from './collab-context';
import { CollabEditor } from './CollabEditor';

const connections = new WeakMap<CollabHub, CollabConnection>();

/** One connection per room, opened by the first editor and kept until the room closes. */
function connectionFor(hub: CollabHub): CollabConnection {
  let conn = connections.get(hub);
  if (!conn) {
    const opened = new CollabConnection(hub.token, hub.draftId);
    connections.set(hub, opened);
    hub.onClose(() => opened.close());
    conn = opened;
  }
  return conn;
}

/** Loaded on demand (load-editor.ts): Yjs and ProseMirror are fetched only for someone who co-edits or may. */
export default function CollabPane({ hub, paragraph, user }: { hub: CollabHub; paragraph: ParagraphView; user: UserView }) {
  return <CollabEditor conn={connectionFor(hub)} paragraph={paragraph} user={user} />;
}
