import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../lib/analytics.ts';
import { formatInterval, formatLift } from '../../lib/analytics.ts';

const WIDTH = 320;
const HEIGHT = 44;
const PAD = 16;

/**
 * The relative lift as a dot on a whisker spanning its 95 % interval, with the no-effect line at 0: a whisker that
 * crosses 0 is the picture of "not proven". One labelled image; the numbers are also in the reading beside it.
 */
export function LiftInterval({ comparison }: { comparison: Comparison }) {
  const { t, i18n } = useTranslation('analytics');
  const { lift, interval, verdict } = comparison;
  if (lift === null || interval === null) return null;
  const reach = Math.max(Math.abs(interval[0]), Math.abs(interval[1]), Math.abs(lift), 0.05) * 1.15;
  const x = (value: number) => PAD + ((value + reach) / (2 * reach)) * (WIDTH - 2 * PAD);
  const color =
    verdict === 'helps' ? 'var(--p-color-icon-success)' : verdict === 'hurts' ? 'var(--p-color-icon-critical)' : 'var(--p-color-icon-secondary)';
  const mid = 18;
  return (
    <svg
      role="img"
      aria-label={t('lift.image', { lift: formatLift(lift, i18n.language), interval: formatInterval(interval, i18n) })}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={mid} y2={mid} stroke="var(--p-color-border)" />
      <line x1={x(0)} x2={x(0)} y1={4} y2={mid + 10} stroke="var(--p-color-border-strong)" strokeDasharray="3 2" />
      <text x={x(0)} y={HEIGHT - 2} textAnchor="middle" fontSize="11" fill="var(--p-color-text-secondary)">
        {t('lift.zero')}
      </text>
      <line x1={x(interval[0])} x2={x(interval[1])} y1={mid} y2={mid} stroke={color} strokeWidth={3} />
      <line x1={x(interval[0])} x2={x(interval[0])} y1={mid - 6} y2={mid + 6} stroke={color} strokeWidth={2} />
      <line x1={x(interval[1])} x2={x(interval[1])} y1={mid - 6} y2={mid + 6} stroke={color} strokeWidth={2} />
      <circle cx={x(lift)} cy={mid} r={5} fill={color} />
    </svg>
  );
}
