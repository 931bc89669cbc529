import type { WordDiff } from '@omnibus/shared';

/** Insertions underlined, deletions struck through, as a redline on paper. */
export function Redline({ diff }: { diff: readonly WordDiff[] }) {
  return (
    <span className="redline">
      {diff.map((d, i) =>
        d.op === 'insert' ? (
          <ins key={i}>{d.text}</ins>
        ) : d.op === 'delete' ? (
          <del key={i}>{d.text}</del>
        ) : (
          <span key={i}>{d.text}</span>
        ),
      )}
    </span>
  );
}
