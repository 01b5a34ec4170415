import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { Occupancy } from '../api/get_occupancy';
import { countAxis, mirror } from './chart_scale';
import { shortDate } from './dates';
import { orderedPopulations, shelterValueLabel } from './vocab';

const WIDTH = 760;
const HEIGHT = 280;
const LEFT = 44;
const RIGHT = 44;
const TOP = 12;
const BOTTOM = 34;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/** The populations a report shows: those served or with anyone in the period. */
export function reportPopulations(report: Occupancy): string[] {
  const used = new Set(Object.keys(report.capacity));
  for (const day of report.days) {
    for (const [key, value] of Object.entries(day.counts)) if (value > 0) used.add(key);
  }
  return orderedPopulations(Object.fromEntries([...used].map((key) => [key, 0])));
}

/**
 * Residents per night as stacked bars, one colour per population, with the shelter's beds as a dashed line.
 * Drawn in plain SVG; each bar carries a <title> for pointer users, and the same figures are in a table below.
 */
export function OccupancyChart({ report }: { report: Occupancy }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const rtl = i18n.dir() === 'rtl';
  const keys = reportPopulations(report);
  const peak = Math.max(report.capacity_total, ...report.days.map((day) => day.total), 1);
  const axis = countAxis(peak);
  const max = axis.max;
  const y = (value: number) => TOP + PLOT_H - (value / max) * PLOT_H;
  const n = Math.max(report.days.length, 1);
  const slot = PLOT_W / n;
  const barWidth = Math.max(slot * 0.8, 0.5);
  const labelEvery = Math.max(1, Math.ceil(n / 6));
  const capacityY = y(report.capacity_total);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="chart-svg"
        direction="ltr"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>
          {t('shelters.occupancy.chart_title', {
            from: formatDate(report.from, i18n.language),
            to: formatDate(report.to, i18n.language),
          })}
        </title>
        <desc id={descId}>
          {t('shelters.occupancy.chart_desc', {
            peak: Math.max(0, ...report.days.map((day) => day.total)),
            capacity: report.capacity_total,
          })}
        </desc>
        {axis.ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text
              x={rtl ? WIDTH - RIGHT + 6 : LEFT - 6}
              y={y(tick)}
              dy="0.35em"
              textAnchor={rtl ? 'start' : 'end'}
              className="chart-tick"
            >
              {tick}
            </text>
          </g>
        ))}
        {report.days.map((day, index) => {
          const x = mirror(
            LEFT + index * slot + (slot - barWidth) / 2,
            barWidth,
            PLOT_W,
            LEFT,
            rtl,
          );
          let base = 0;
          return (
            <g key={day.date} className="chart-day">
              <title>
                {`${formatDate(day.date, i18n.language)}: ${keys
                  .map(
                    (key) => `${shelterValueLabel(t, 'population', key)} ${day.counts[key] ?? 0}`,
                  )
                  .join(', ')}`}
              </title>
              {/* A transparent full-height target so thin bars still show their title on hover. */}
              <rect x={x} y={TOP} width={barWidth} height={PLOT_H} className="chart-hit" />
              {keys.map((key) => {
                const value = day.counts[key] ?? 0;
                if (value <= 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect
                    key={key}
                    x={x}
                    y={top}
                    width={barWidth}
                    height={height}
                    className={`series pop-${key}`}
                  />
                );
              })}
              {index % labelEvery === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT - BOTTOM + 16}
                  textAnchor="middle"
                  className="chart-tick"
                >
                  {shortDate(day.date, i18n.language)}
                </text>
              ) : null}
            </g>
          );
        })}
        {report.capacity_total > 0 ? (
          <g className="chart-capacity">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={capacityY} y2={capacityY} />
            <text
              x={rtl ? LEFT + 4 : WIDTH - RIGHT - 4}
              y={capacityY - 5}
              textAnchor={rtl ? 'start' : 'end'}
              className="chart-label"
            >
              {t('shelters.occupancy.capacity_line', { capacity: report.capacity_total })}
            </text>
          </g>
        ) : null}
        <line
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={TOP + PLOT_H}
          y2={TOP + PLOT_H}
          className="chart-axis"
        />
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {keys.map((key) => (
            <li key={key}>
              <span className={`swatch pop-${key}`} aria-hidden="true" />
              {shelterValueLabel(t, 'population', key)}
            </li>
          ))}
          {report.capacity_total > 0 ? (
            <li>
              <span className="swatch swatch-capacity" aria-hidden="true" />
              {t('shelters.occupancy.capacity_legend')}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}
