import { COLLAB_DOC, CollabRefusal, PARAGRAPH_FIELDS, ProjectedBracket, projectDelta } from '@omnibus/shared';
import { Y, type AbstractType, type Doc, type GC, type ID, type Item, type Skip, type Transaction, type YMap, type YText } from './yjs';
import { EditJudge, ParagraphFacts, judgeParagraphEdit } from './bracket-rules';
import { deltasAround } from './text-runs';

export type Validation =
  | { ok: true; paragraphs: string[]; created: { paragraphId: string; bracket: ProjectedBracket }[] }
  | { ok: false; reason: CollabRefusal; message: string; paragraphId?: string; amendmentId?: string };

/** One trial of one update on the shadow document; the shadow calls `inspect` before it garbage-collects. */
class Trial {
  verdict: Validation | null = null;
  readonly paragraphs: string[] = [];
  readonly created: { paragraphId: string; bracket: ProjectedBracket }[] = [];

  constructor(
    readonly judge: EditJudge | null,
    readonly facts: (paragraphId: string) => ParagraphFacts | null,
  ) {}

  refuse(reason: CollabRefusal, message: string, paragraphId?: string, amendmentId?: string): void {
    if (this.verdict !== null) return;
    const v: Validation = { ok: false, reason, message };
    if (paragraphId !== undefined) v.paragraphId = paragraphId;
    if (amendmentId !== undefined) v.amendmentId = amendmentId;
    this.verdict = v;
  }

  inspect(tr: Transaction, paragraphs: YMap<unknown>): void {
    for (const type of tr.changed.keys()) {
      const paragraphId = paragraphIdOfText(type as AbstractType<unknown>, paragraphs);
      if (paragraphId === null) {
        this.refuse('structure', 'Only the text of a paragraph is edited live; labels, statuses and the list of paragraphs change through the API.');
        return;
      }
      if (this.judge === null) {
        this.refuse('read_only', 'Observers follow the live text but do not edit it.', paragraphId);
        return;
      }
      const facts = this.facts(paragraphId);
      if (facts === null) {
        this.refuse('structure', `Paragraph ${paragraphId} is not in this draft.`, paragraphId);
        return;
      }
      const { before, after } = deltasAround(type as unknown as YText, tr);
      const verdict = judgeParagraphEdit(facts, projectDelta(before), projectDelta(after), this.judge);
      if (!verdict.ok) {
        this.refuse(verdict.reason, verdict.message, paragraphId, verdict.amendmentId);
        return;
      }
      this.paragraphs.push(paragraphId);
      for (const bracket of verdict.created) this.created.push({ paragraphId, bracket });
    }
  }
}

function paragraphIdOfText(type: AbstractType<unknown>, paragraphs: YMap<unknown>): string | null {
  const item = type._item;
  if (!(type instanceof Y.Text) || item === null || item.parentSub !== PARAGRAPH_FIELDS.text) return null;
  const map = item.parent as AbstractType<unknown>;
  const mapItem = map._item;
  if (!(map instanceof Y.Map) || mapItem === null || mapItem.parent !== paragraphs || mapItem.parentSub === null) return null;
  return mapItem.parentSub;
}

/**
 * Judges a client's update before the live document sees it, by applying it to a shadow copy: Yjs
 * cannot undo an applied update, so a refused one must never reach the document others read. The
 * shadow holds the live document plus what was accepted and is still being stored; it follows the
 * live document's other changes through `mirror`, and is rebuilt from both after a refusal.
 */
export class UpdateValidator {
  /**
   * Made when the first update is judged, not when the room opens: a hundred people opening a
   * closed draft at the start of a meeting do not wait for a second copy of it. Until then nothing
   * was accepted, so the live document is all the shadow would hold.
   */
  private shadowDoc: Doc | null = null;

  constructor(
    private readonly live: Doc,
    /** Accepted changes not yet committed (so not yet in the live document), oldest first. */
    private readonly pending: () => Uint8Array[],
  ) {}

  private get shadow(): Doc {
    return (this.shadowDoc ??= this.copy());
  }

  private copy(): Doc {
    const shadow = new Y.Doc({ gc: true });
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.live));
    shadow.transact(() => {
      for (const u of this.pending()) Y.applyUpdate(shadow, u);
    });
    const paragraphs = shadow.getMap(COLLAB_DOC.paragraphs);
    shadow.on('beforeObserverCalls', (tr: Transaction) => {
      if (tr.origin instanceof Trial) tr.origin.inspect(tr, paragraphs);
    });
    return shadow;
  }

  private rebuild(): void {
    this.shadowDoc?.destroy();
    this.shadowDoc = this.copy();
  }

  /** Forgets accepted changes that were refused when written: the shadow becomes the live document plus what is still being stored. */
  reset(): void {
    if (this.shadowDoc) this.rebuild();
  }

  /** Everything accepted so far: the live document's state and what is still being stored. */
  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.shadowDoc ?? this.live);
  }

  /** A change already in the live document (the server's own, or another instance's); a shadow not made yet will copy it. */
  mirror(update: Uint8Array): void {
    if (this.shadowDoc) Y.applyUpdate(this.shadowDoc, update);
  }

  check(update: Uint8Array, decoded: DecodedUpdate, judge: EditJudge | null, facts: (paragraphId: string) => ParagraphFacts | null): Validation {
    const missing = missingDependency(decoded, this.shadow);
    if (missing !== null) return missing;
    const trial = new Trial(judge, facts);
    try {
      Y.applyUpdate(this.shadow, update, trial);
    } catch {
      this.rebuild();
      return { ok: false, reason: 'malformed_update', message: 'The update could not be read as a Yjs update.' };
    }
    if (this.shadow.store.pendingStructs !== null || this.shadow.store.pendingDs !== null) {
      this.rebuild();
      return { ok: false, reason: 'missing_dependencies', message: 'The update builds on changes the server does not have; sync first (send sync step 1).' };
    }
    if (trial.verdict !== null) {
      this.rebuild();
      return trial.verdict;
    }
    return { ok: true, paragraphs: trial.paragraphs, created: trial.created };
  }

  destroy(): void {
    this.shadowDoc?.destroy();
    this.shadowDoc = null;
  }
}

export interface DecodedUpdate {
  structs: (Item | GC | Skip)[];
  ds: { clients: Map<number, { clock: number; len: number }[]> };
}

/** Decodes an update once for every check that needs its structs; null when it is not a Yjs update. */
export function decodeUpdate(update: Uint8Array): DecodedUpdate | null {
  try {
    return Y.decodeUpdate(update) as unknown as DecodedUpdate;
  } catch {
    return null;
  }
}

/** Yjs client ids the update writes structs for (to bind each to one signed-in user). */
export function structClients(decoded: DecodedUpdate): number[] {
  return [...new Set(decoded.structs.map((s) => s.id.client))];
}

/** A refusal when the update refers to structs the document lacks (checked without applying it). */
function missingDependency(decoded: DecodedUpdate, doc: Doc): Validation | null {
  const ranges = new Map<number, { from: number; to: number }>();
  for (const s of decoded.structs) {
    const r = ranges.get(s.id.client);
    if (!r) ranges.set(s.id.client, { from: s.id.clock, to: s.id.clock + s.length });
    else r.to = Math.max(r.to, s.id.clock + s.length);
  }
  const known = (id: ID | null): boolean => {
    if (id === null) return true;
    if (id.clock < Y.getState(doc.store, id.client)) return true;
    const r = ranges.get(id.client);
    return r !== undefined && id.clock >= r.from && id.clock < r.to;
  };
  const missing: Validation = {
    ok: false,
    reason: 'missing_dependencies',
    message: 'The update builds on changes the server does not have; sync first (send sync step 1).',
  };
  for (const [client, r] of ranges) if (r.from > Y.getState(doc.store, client)) return missing;
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    if (!known(s.origin) || !known(s.rightOrigin)) return missing;
    if (s.parent instanceof Y.ID && !known(s.parent)) return missing;
  }
  for (const [client, deletes] of decoded.ds.clients) {
    for (const d of deletes) {
      const end = d.clock + d.len;
      const r = ranges.get(client);
      if (end > Y.getState(doc.store, client) && !(r && end <= r.to)) return missing;
    }
  }
  return null;
}
