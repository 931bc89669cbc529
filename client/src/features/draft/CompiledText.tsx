import { parseBrackets, type Segment } from '@omnibus/shared/brackets';
import type { TFunction } from 'i18next';
import { memo, type ReactNode } from 'react';
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

function renderSegment(s: Segment, t: TFunction): ReactNode {
  switch (s.type) {
    case 'text':
      return <span>{s.text}</span>;
    case 'insert':
      return (
        <Bracket kind="insert">
          <Sponsors codes={s.sponsors} />{' '}
          {s.nested && s.nested.length > 0 ? <ins>{segmentViews(s.nested, t)}</ins> : <ins>{s.text}</ins>}
        </Bracket>
      );
    case 'delete':
      return (
        <Bracket kind="delete">
          <Sponsors codes={s.sponsors} /> {s.text === '' ? <em>{t('bracket.delete')}</em> : <><em>{t('bracket.deleteColon')}</em> <del>{s.text}</del></>}
        </Bracket>
      );
    case 'replace':
      return (
        <Bracket kind="replace">
          <Sponsors codes={s.sponsors} /> <em>{t('bracket.replace')}</em> “<del>{s.from}</del>” <em>{t('bracket.with')}</em> “<ins>{s.to}</ins>”
        </Bracket>
      );
    case 'alternatives':
      return (
        <span className="alternatives">
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

/** Equal plain data, as parsed segments are: strings, numbers, and arrays and objects of them. */
function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => samePlain(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => samePlain(x[k], y[k]));
}

/**
 * One segment, drawn again only when its own words or sponsors change: a keystroke inside one
 * bracket of a paragraph that holds dozens redraws that bracket, not the paragraph's every one.
 */
const SegmentView = memo(
  function SegmentView({ segment, t }: { segment: Segment; t: TFunction }) {
    return renderSegment(segment, t);
  },
  (before, after) => before.t === after.t && samePlain(before.segment, after.segment),
);

function segmentViews(segments: readonly Segment[], t: TFunction): ReactNode {
  return segments.map((s, i) => <SegmentView key={i} segment={s} t={t} />);
}

/**
 * A paragraph in negotiation notation, brackets drawn as brackets with their sponsors. Falls back
 * to the plain string if it cannot be read, so nothing proposed is ever hidden.
 */
export function CompiledText({ compiled }: { compiled: string }) {
  const t = useT('draft');
  const parsed = parseBrackets(compiled);
  if (!parsed.ok) return <span className="compiled">{compiled}</span>;
  return <span className="compiled">{segmentViews(parsed.segments, t)}</span>;
}
