import { formatSponsors, parseBrackets, type Segment } from '@omnibus/shared/brackets';
import type { ReactNode } from 'react';

function Sponsors({ codes, suffix = ':' }: { codes: readonly string[]; suffix?: string }) {
  return (
    <span className="sponsors">
      {formatSponsors(codes)}
      {suffix}
    </span>
  );
}

function Bracket({ kind, children }: { kind: string; children: ReactNode }) {
  return (
    <span className={`bracket bracket-${kind}`} data-bracket={kind}>
      <span className="bracket-mark" aria-hidden="true">
        [
      </span>
      {children}
      <span className="bracket-mark" aria-hidden="true">
        ]
      </span>
    </span>
  );
}

function renderSegment(s: Segment, i: number): ReactNode {
  switch (s.type) {
    case 'text':
      return <span key={i}>{s.text}</span>;
    case 'insert':
      return (
        <Bracket key={i} kind="insert">
          <Sponsors codes={s.sponsors} /> <ins>{s.text}</ins>
        </Bracket>
      );
    case 'delete':
      return (
        <Bracket key={i} kind="delete">
          <Sponsors codes={s.sponsors} /> {s.text === '' ? <em>delete</em> : <><em>delete:</em> <del>{s.text}</del></>}
        </Bracket>
      );
    case 'replace':
      return (
        <Bracket key={i} kind="replace">
          <Sponsors codes={s.sponsors} /> <em>replace</em> “<del>{s.from}</del>” <em>with</em> “<ins>{s.to}</ins>”
        </Bracket>
      );
    case 'alternatives':
      return (
        <span key={i} className="alternatives">
          {s.options.map((o, j) => (
            <span key={o.number}>
              {j > 0 && ' '}
              <Bracket kind="alternative">
                <span className="sponsors">
                  Alt {o.number} ({formatSponsors(o.sponsors)}):
                </span>{' '}
                <ins>{o.text}</ins>
              </Bracket>
            </span>
          ))}
        </span>
      );
  }
}

/**
 * A paragraph in negotiation notation, brackets drawn as brackets with their sponsors. Falls back
 * to the plain string if it cannot be read, so nothing proposed is ever hidden.
 */
export function CompiledText({ compiled }: { compiled: string }) {
  const parsed = parseBrackets(compiled);
  if (!parsed.ok) return <span className="compiled">{compiled}</span>;
  return <span className="compiled">{parsed.segments.map(renderSegment)}</span>;
}
