import { MAX_PARAGRAPHS_PER_CALL, type DraftView, type ParagraphView } from '@omnibus/shared';
import type { DraftChangedPayload } from '@omnibus/shared/live-protocol';
import { replaceEqualDeep, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { LIVE } from '../session/live-events';
import { queryKeys } from './query-keys';
import { inTypingPause } from './typing-pause';

/** Co-edited text stored by the projection: only those paragraphs changed, nothing else (caps, labels) did. */
const TEXT_ONLY = 'paragraph.coedit';

/**
 * Puts fresh paragraphs into the cached draft in place, keeping every other object as it was. A
 * fresh paragraph keeps the objects of its old self that did not change (its unchanged brackets,
 * or all of it): what did not change does not redraw. A paragraph read before the one on screen
 * (an older version, overtaken by a re-read of the whole draft) is left out.
 */
export function patchParagraphs(draft: DraftView, fresh: readonly ParagraphView[]): DraftView {
  const byId = new Map(fresh.map((p) => [p.id, p]));
  let touched = false;
  const sections = draft.sections.map((s) => {
    let changed = false;
    const paragraphs = s.paragraphs.map((p) => {
      const next = byId.get(p.id);
      if (!next || next.version < p.version) return p;
      const kept = replaceEqualDeep(p, next);
      if (kept !== p) changed = true;
      return kept;
    });
    if (!changed) return s;
    touched = true;
    return { ...s, paragraphs };
  });
  return touched ? { ...draft, sections } : draft;
}

/** The projection stores a round of co-edited paragraphs at once and announces each one: gather them. */
const GATHER_MS = 25;

/**
 * Re-reads co-edited paragraphs as the projection stores them: ids that arrive while a read is on
 * its way are gathered and read together after it, so a tab makes one request at a time however
 * many paragraphs change, and never shows an answer older than one already shown.
 */
export class ParagraphRefresher {
  private readonly pending = new Set<string>();
  private running = false;
  private waiting = false;

  constructor(
    private readonly read: (ids: string[]) => Promise<ParagraphView[]>,
    /** Puts what was read into the cache. */
    private readonly apply: (fresh: ParagraphView[]) => void,
    /** What was asked for could not be read (or is gone from the draft): re-read the whole draft. */
    private readonly fallBack: () => void,
    /** How long the first change waits for the others of the same projection (which arrive one event each). */
    private readonly gatherMs = GATHER_MS,
  ) {}

  add(ids: readonly string[]): void {
    for (const id of ids) this.pending.add(id);
    if (this.running || this.waiting) return;
    if (this.gatherMs <= 0) {
      void this.run();
      return;
    }
    this.waiting = true;
    setTimeout(() => {
      this.waiting = false;
      if (!this.running) void this.run();
    }, this.gatherMs);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.size > 0) {
        const ids = [...this.pending].slice(0, MAX_PARAGRAPHS_PER_CALL);
        for (const id of ids) this.pending.delete(id);
        try {
          const fresh = await this.read(ids);
          this.apply(fresh);
          if (fresh.length < ids.length) this.fallBack();
        } catch {
          this.fallBack();
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const refreshers = new WeakMap<QueryClient, Map<string, ParagraphRefresher>>();

function refresherFor(qc: QueryClient, draftId: string): ParagraphRefresher {
  let byDraft = refreshers.get(qc);
  if (!byDraft) refreshers.set(qc, (byDraft = new Map()));
  let r = byDraft.get(draftId);
  if (!r) {
    r = new ParagraphRefresher(
      (ids) => api.draftParagraphs(draftId, ids),
      // Drawn in the pause after a keystroke while the person types (typing-pause.ts).
      (fresh) => inTypingPause(() => qc.setQueryData<DraftView>(queryKeys.draft(draftId), (d) => (d ? patchParagraphs(d, fresh) : d))),
      () => void qc.invalidateQueries({ queryKey: queryKeys.draft(draftId) }),
    );
    byDraft.set(draftId, r);
  }
  return r;
}

/**
 * What each event on /live makes stale. The payloads are the server's, sent after its
 * transaction committed, so re-reading on them never shows an older state than the event.
 */
export function applyLiveEvent(qc: QueryClient, draftId: string, event: string, payload: unknown): void {
  const stale = (key: readonly unknown[]) => void qc.invalidateQueries({ queryKey: key });
  switch (event) {
    case LIVE.draftChanged: {
      const change = payload as DraftChangedPayload;
      if (change.draftId !== draftId) return;
      if (change.kind === TEXT_ONLY && change.ids.length > 0) {
        // A failed patch falls back to a whole re-read.
        refresherFor(qc, draftId).add(change.ids);
        return;
      }
      stale(queryKeys.draft(draftId));
      // An invitation arrives with the proposal that carries it and leaves with the answer.
      stale(queryKeys.invitations());
      stale(['history', draftId]);
      if (change.kind.startsWith('reservation.')) stale(queryKeys.reservations(draftId));
      return;
    }
    case LIVE.decisionRecorded:
    case LIVE.sessionClosed:
    case LIVE.sessionOpened:
      stale(queryKeys.draft(draftId));
      stale(queryKeys.sessions(draftId));
      stale(queryKeys.consultations(draftId));
      return;
    case LIVE.reservationAdded:
      stale(queryKeys.reservations(draftId));
      return;
    case LIVE.consultationChanged:
      stale(queryKeys.consultations(draftId));
      stale(queryKeys.draft(draftId));
      return;
    case LIVE.silenceChanged:
      stale(queryKeys.silence(draftId));
      stale(queryKeys.draft(draftId));
      return;
    case LIVE.versionPublished:
    case LIVE.phaseChanged:
      stale(queryKeys.draft(draftId));
      stale(queryKeys.calendar());
      return;
    default:
      return;
  }
}

/** After a reconnection nothing on screen can be trusted: re-read all of it. */
export function catchUp(qc: QueryClient): void {
  void qc.invalidateQueries();
}
