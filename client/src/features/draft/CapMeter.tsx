import type { CapUsage } from '@omnibus/shared';
import { meterLevel } from './draft-caps';

const LEVEL_WORDS = { open: '', full: ', full', over: ', over the cap' } as const;

/** "CICTE 10/8", with a bar that turns amber when full and red when over. */
export function CapMeter({ name, cap, compact = false, showName = true }: { name: string; cap: CapUsage; compact?: boolean; showName?: boolean }) {
  const level = meterLevel(cap);
  const ratio = cap.limit === 0 ? 1 : Math.min(cap.used / cap.limit, 1);
  return (
    <span
      className={`meter meter-${level}${compact ? ' meter-compact' : ''}`}
      data-cap={`${cap.scope}:${cap.key}`}
      title={`${name}: ${cap.used} of ${cap.limit} paragraphs in play${LEVEL_WORDS[level]}`}
    >
      <span className="meter-text">
        {showName && `${name} `}
        {cap.used}/{cap.limit}
        {level === 'over' && <span className="meter-flag"> over</span>}
        {level === 'full' && <span className="meter-flag"> full</span>}
      </span>
      <span className="meter-bar" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${ratio * 100}%` }} />
      </span>
    </span>
  );
}
