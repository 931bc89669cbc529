import { parseBrackets, type Segment } from '@omnibus/shared/brackets';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
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

/**
 * A paragraph in negotiation notation, brackets drawn as brackets with their sponsors. Falls back
 * to the plain string if it cannot be read, so nothing proposed is ever hidden.
 */
export function CompiledText({ compiled }: { compiled: string }) {
  const t = useT('draft');
  const parsed = parseBrackets(compiled);
  if (!parsed.ok) return <span className="compiled">{compiled}</span>;
  return <span className="compiled">{parsed.segments.map((s, i) => renderSegment(s, i, t))}</span>;
}
