/** Small helpers for the plain-SVG charts (no chart library: the CSP allows no inline styles, and SVG is enough). */

/** Evenly spaced ticks from 0 to `max`, whole numbers when `max` allows. */
export function ticks(max: number, count = 4): number[] {
  const step = max / count;
  return Array.from({ length: count + 1 }, (_, index) =>
    Number.isInteger(step) ? index * step : Math.round(index * step * 10) / 10,
  );
}

/** Mirrors an x position for right-to-left languages, so time and order run the way the text reads. */
export function mirror(x: number, width: number, plotWidth: number, left: number, rtl: boolean) {
  return rtl ? left + plotWidth - (x - left) - width : x;
}

/** An axis for whole counts (residents, beds): whole-number ticks, at most six of them, up to at least `peak`. */
export function countAxis(peak: number): { max: number; ticks: number[] } {
  const top = Math.max(Math.ceil(peak), 1);
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((m) => m * power).find((s) => Math.ceil(top / s) <= 5);
    if (found) {
      step = found;
      break;
    }
  }
  const max = Math.ceil(top / step) * step;
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, index) => index * step) };
}
