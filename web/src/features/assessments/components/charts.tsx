/**
 * The assessment charts, in plain SVG: area scores as bars, a shelter's scores over time as lines, and shelters
 * compared area by area as grouped bars. Colours come from classes (the CSP forbids inline styles); every chart
 * has a title and a description, and its figures are also in a table next to it. In right-to-left languages the
 * charts mirror, so order and time run the way the text reads.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { mirror, ticks } from '@/features/shelters';
import { formatScore } from './sheet';

const SCORE_TICKS = ticks(100, 4);

export interface Bar {
  key: string;
  label: string;
  value: number | null | undefined;
}

/** One horizontal bar per area, 0–100. */
export function AreaBars({ title, bars }: { title: string; bars: Bar[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const rtl = i18n.dir() === 'rtl';
  const width = 760;
  const labelWidth = 280;
  const row = 26;
  const top = 8;
  const bottom = 24;
  const plot = width - labelWidth - 56;
  const height = top + bars.length * row + bottom;
  const x0 = rtl ? 56 : labelWidth;
  const xOf = (value: number) =>
    rtl ? x0 + plot - (value / 100) * plot : x0 + (value / 100) * plot;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="chart-svg"
        direction="ltr"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        {SCORE_TICKS.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={xOf(tick)} x2={xOf(tick)} y1={top} y2={height - bottom} />
            <text x={xOf(tick)} y={height - 6} textAnchor="middle" className="chart-tick">
              {tick}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const y = top + index * row;
          const value = bar.value ?? 0;
          const start = rtl ? xOf(value) : x0;
          const barWidth = Math.abs(xOf(value) - xOf(0));
          return (
            <g key={bar.key}>
              <title>{`${bar.label}: ${formatScore(bar.value, i18n.language)}`}</title>
              <text
                x={rtl ? width - 4 : labelWidth - 8}
                y={y + row / 2}
                dy="0.35em"
                textAnchor="end"
                className="chart-label"
              >
                {bar.label.length > 44 ? `${bar.label.slice(0, 43)}…` : bar.label}
              </text>
              {bar.value === null || bar.value === undefined ? (
                <text
                  x={rtl ? xOf(0) - 4 : xOf(0) + 4}
                  y={y + row / 2}
                  dy="0.35em"
                  textAnchor={rtl ? 'end' : 'start'}
                  className="chart-tick"
                >
                  {t('assessments.results.not_scored')}
                </text>
              ) : (
                <>
                  <rect
                    x={start}
                    y={y + 4}
                    width={barWidth}
                    height={row - 8}
                    className={`series ${scoreClass(value)}`}
                  />
                  <text
                    x={rtl ? xOf(value) - 4 : xOf(value) + 4}
                    y={y + row / 2}
                    dy="0.35em"
                    textAnchor={rtl ? 'end' : 'start'}
                    className="chart-value"
                  >
                    {formatScore(value, i18n.language)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Low, middling and good scores get different colours (with the figure always written beside them). */
export function scoreClass(value: number): string {
  if (value < 50) return 'score-low';
  if (value < 75) return 'score-mid';
  return 'score-high';
}

export interface Series {
  key: string;
  label: string;
  points: { date: string; value: number | null | undefined }[];
}

/** Scores over time: x is the assessment date (proportional), y 0–100; one line per series. */
export function ScoreTimeline({ title, series }: { title: string; series: Series[] }) {
  const { i18n } = useTranslation();
  const titleId = useId();
  const rtl = i18n.dir() === 'rtl';
  const width = 760;
  const height = 260;
  const left = 44;
  const right = 44;
  const top = 14;
  const bottom = 34;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const first = Date.parse(`${dates[0] ?? '2000-01-01'}T00:00:00Z`);
  const last = Date.parse(`${dates[dates.length - 1] ?? '2000-01-01'}T00:00:00Z`);
  const span = last - first;
  const xRaw = (date: string) =>
    span === 0
      ? left + plotW / 2
      : left + ((Date.parse(`${date}T00:00:00Z`) - first) / span) * plotW;
  const x = (date: string) => mirror(xRaw(date), 0, plotW, left, rtl);
  const y = (value: number) => top + plotH - (value / 100) * plotH;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="chart-svg"
        direction="ltr"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        {SCORE_TICKS.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} />
            <text
              x={rtl ? width - right + 6 : left - 6}
              y={y(tick)}
              dy="0.35em"
              textAnchor={rtl ? 'start' : 'end'}
              className="chart-tick"
            >
              {tick}
            </text>
          </g>
        ))}
        {labelledDates(dates, xRaw).map((date) => (
          <text key={date} x={x(date)} y={height - 10} textAnchor="middle" className="chart-tick">
            {formatDate(date, i18n.language)}
          </text>
        ))}
        {series.map((s, index) => {
          const points = s.points.filter(
            (p): p is { date: string; value: number } => p.value !== null && p.value !== undefined,
          );
          return (
            <g key={s.key} className={`line series-${index % 8}`}>
              <polyline
                points={points.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')}
                className="chart-line"
              />
              {points.map((p) => (
                <circle key={p.date} cx={x(p.date)} cy={y(p.value)} r={4} className="chart-dot">
                  <title>{`${s.label}, ${formatDate(p.date, i18n.language)}: ${formatScore(p.value, i18n.language)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s, index) => (
            <li key={s.key}>
              <span className={`swatch series-${index % 8}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The dates to write under a time axis: the first, the last, and any other far enough from its neighbours. */
function labelledDates(dates: string[], x: (date: string) => number): string[] {
  const minGap = 110;
  const shown: string[] = [];
  const last = dates[dates.length - 1];
  for (const date of dates) {
    const previous = shown[shown.length - 1];
    const roomBefore = previous === undefined || x(date) - x(previous) >= minGap;
    const roomAfter = date === last || last === undefined || x(last) - x(date) >= minGap;
    if (roomBefore && roomAfter) shown.push(date);
  }
  return shown;
}

export interface Group {
  key: string;
  label: string;
  values: (number | null | undefined)[];
}

/** Grouped bars: one group per area (or the overall score), one bar per shelter in each group. */
export function GroupedBars({
  title,
  description,
  groups,
  seriesLabels,
}: {
  title: string;
  description: string;
  groups: Group[];
  seriesLabels: string[];
}) {
  const { i18n } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const rtl = i18n.dir() === 'rtl';
  const n = Math.max(seriesLabels.length, 1);
  const barWidth = Math.max(6, Math.min(22, 120 / n));
  const groupGap = 18;
  const groupWidth = n * barWidth + groupGap;
  // Slanted group labels hang off towards the start side (left, or right in RTL): that side gets room for them.
  const left = rtl ? 40 : 110;
  const right = rtl ? 110 : 40;
  const top = 12;
  const bottom = 96;
  const plotW = Math.max(groups.length * groupWidth, 200);
  const width = left + plotW + right;
  const plotH = 220;
  const height = top + plotH + bottom;
  const y = (value: number) => top + plotH - (value / 100) * plotH;
  return (
    <figure className="chart chart-scroll">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="chart-svg chart-svg-fixed"
        direction="ltr"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {SCORE_TICKS.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} />
            <text
              x={rtl ? width - right + 6 : left - 6}
              y={y(tick)}
              dy="0.35em"
              textAnchor={rtl ? 'start' : 'end'}
              className="chart-tick"
            >
              {tick}
            </text>
          </g>
        ))}
        {groups.map((group, g) => {
          const gx = mirror(left + g * groupWidth + groupGap / 2, n * barWidth, plotW, left, rtl);
          return (
            <g key={group.key} className="chart-group" data-group={group.key}>
              {group.values.map((value, s) => {
                const bx = rtl ? gx + (n - 1 - s) * barWidth : gx + s * barWidth;
                const label = `${group.label} — ${seriesLabels[s] ?? ''}: ${formatScore(value, i18n.language)}`;
                if (value === null || value === undefined) {
                  return (
                    <g key={s}>
                      <title>{label}</title>
                      <rect
                        x={bx + 1}
                        y={y(0) - 2}
                        width={barWidth - 2}
                        height={2}
                        className="chart-missing"
                      />
                    </g>
                  );
                }
                return (
                  <rect
                    key={s}
                    x={bx + 1}
                    y={y(value)}
                    width={barWidth - 2}
                    height={y(0) - y(value)}
                    className={`series series-${s % 8}`}
                  >
                    <title>{label}</title>
                  </rect>
                );
              })}
              <text
                x={gx + (n * barWidth) / 2}
                y={top + plotH + 10}
                textAnchor={rtl ? 'start' : 'end'}
                transform={`rotate(${rtl ? 35 : -35} ${gx + (n * barWidth) / 2} ${top + plotH + 10})`}
                className="chart-tick"
              >
                {group.label.length > 24 ? `${group.label.slice(0, 23)}…` : group.label}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} className="chart-axis" />
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {seriesLabels.map((label, index) => (
            <li key={`${label}-${index}`}>
              <span className={`swatch series-${index % 8}`} aria-hidden="true" />
              <span dir="auto">{label}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
