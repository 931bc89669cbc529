import type { CapUsage } from '@omnibus/shared';
import { memo } from 'react';
import { formatNumber, useT } from '../../i18n';
import { meterLevel } from './draft-caps';

/** "CICTE 10/8", with a bar that turns amber when full and red when over. */
export const CapMeter = memo(function CapMeter({ name, cap, compact = false, showName = true }: { name: string; cap: CapUsage; compact?: boolean; showName?: boolean }) {
  const t = useT('draft');
  const level = meterLevel(cap);
  const plain = t('meter.title', { name, used: formatNumber(cap.used), limit: formatNumber(cap.limit), count: cap.limit });
  const title = level === 'over' ? t('meter.titleOver', { title: plain }) : level === 'full' ? t('meter.titleFull', { title: plain }) : plain;
  const ratio = cap.limit === 0 ? 1 : Math.min(cap.used / cap.limit, 1);
  return (
    <span
      className={`meter meter-${level}${compact ? ' meter-compact' : ''}`}
      data-cap={`${cap.scope}:${cap.key}`}
      title={title}
    >
      <span className="meter-text">
        {showName && `${name} `}
        {cap.used}/{cap.limit}
        {level === 'over' && <span className="meter-flag"> {t('meter.over')}</span>}
        {level === 'full' && <span className="meter-flag"> {t('meter.full')}</span>}
      </span>
      <span className="meter-bar" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${ratio * 100}%` }} />
      </span>
    </span>
  );
});
