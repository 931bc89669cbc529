import { parseBrackets, type Segment } from '@omnibus/shared/brackets';
import { replaceEqualDeep } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef, type ReactNode } from 'react';
import { formatSponsorList, useT } from '../../i18n';

function Sponsors({ codes, suffix = ':' }: { codes: readonly string[]; suffix?: string }) {
  return (
    <span className="sponsors">
      {formatSponsorList(codes)}
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

function renderSegment(s: Segment, i: number, t: TFunction): ReactNode {
  switch (s.type) {
    case 'text':
      return <span key={i}>{s.text}</span>;
    case 'insert':
      return (
        <Bracket key={i} kind="insert">
          <Sponsors codes={s.sponsors} />{' '}
          {s.nested && s.nested.length > 0 ? <ins>{s.nested.map((n, j) => renderSegment(n, j, t))}</ins> : <ins>{s.text}</ins>}
        </Bracket>
      );
    case 'delete':
      return (
        <Bracket key={i} kind="delete">
          <Sponsors codes={s.sponsors} /> {s.text === '' ? <em>{t('bracket.delete')}</em> : <><em>{t('bracket.deleteColon')}</em> <del>{s.text}</del></>}
        </Bracket>
      );
    case 'replace':
      return (
        <Bracket key={i} kind="replace">
          <Sponsors codes={s.sponsors} /> <em>{t('bracket.replace')}</em> “<del>{s.from}</del>” <em>{t('bracket.with')}</em> “<ins>{s.to}</ins>”
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
                  {t('bracket.alt', { number: o.number, sponsors: formatSponsorList(o.sponsors) })}
                </span>{' '}
                <ins>{o.text}</ins>
              </Bracket>
            </span>
          ))}
        </span>
      );
  }
}

interface Drawn {
  segment: Segment;
  node: ReactNode;
}

/**
 * The segments' elements, each the very element of the last redraw while its segment's words and
 * sponsors are the same (compared as the room's live data is, with `replaceEqualDeep`; React then
 * skips it): a keystroke inside one bracket of a paragraph that holds dozens redraws that bracket,
 * not the paragraph's every one, and adds no component of its own.
 */
function useSegmentNodes(segments: readonly Segment[], t: TFunction): ReactNode[] {
  const last = useRef<{ t: TFunction; drawn: Drawn[] }>({ t, drawn: [] });
  const before = last.current.t === t ? last.current.drawn : [];
  const drawn = segments.map((segment, i): Drawn => {
    const old = before[i];
    return old && replaceEqualDeep(old.segment, segment) === old.segment ? old : { segment, node: renderSegment(segment, i, t) };
  });
  last.current = { t, drawn };
  return drawn.map((d) => d.node);
}

/**
 * A paragraph in negotiation notation, brackets drawn as brackets with their sponsors. Falls back
 * to the plain string if it cannot be read, so nothing proposed is ever hidden.
 */
export function CompiledText({ compiled }: { compiled: string }) {
  const t = useT('draft');
  const parsed = parseBrackets(compiled);
  const nodes = useSegmentNodes(parsed.ok ? parsed.segments : [], t);
  if (!parsed.ok) return <span className="compiled">{compiled}</span>;
  return <span className="compiled">{nodes}</span>;
}
