/**
 * The assessor's working copy of an assessment's scores, and the running result computed the way the server
 * computes it (docs/api-assessments.md, Scoring): area score = Σ(weight × score) / Σ(weight × 3) × 100 over
 * scored items, n/a and unscored items in neither sum; overall the same over every item; critical gaps are
 * critical items scored 0 or 1. The server's figures replace these at every save; these only keep the
 * figures live between saves.
 */
import type { Assessment, EntryPatch } from '../api/assessments';
import type { Template } from '../api/templates';

export interface Entry {
  score: number | null;
  na: boolean;
  evidence: string;
}

export type Sheet = Record<string, Record<string, Entry>>;

export const emptyEntry: Entry = { score: null, na: false, evidence: '' };

export function sheetFrom(assessment: Assessment, template: Template): Sheet {
  const sheet: Sheet = {};
  for (const area of template.areas) {
    const saved = assessment.scores[area.key] ?? {};
    sheet[area.key] = {};
    for (const item of area.items) {
      const entry = saved[item.key];
      (sheet[area.key] as Record<string, Entry>)[item.key] = {
        score: entry?.na ? null : (entry?.score ?? null),
        na: entry?.na ?? false,
        evidence: entry?.evidence ?? '',
      };
    }
  }
  return sheet;
}

export function entryOf(sheet: Sheet, area: string, item: string): Entry {
  return sheet[area]?.[item] ?? emptyEntry;
}

function sameEntry(a: Entry, b: Entry): boolean {
  return a.score === b.score && a.na === b.na && a.evidence.trim() === b.evidence.trim();
}

/** What to send: only the items that differ from the saved copy, each as a whole entry. */
export function sheetChanges(
  sheet: Sheet,
  saved: Sheet,
): Record<string, Record<string, EntryPatch>> {
  const changes: Record<string, Record<string, EntryPatch>> = {};
  for (const [area, items] of Object.entries(sheet)) {
    for (const [item, entry] of Object.entries(items)) {
      if (sameEntry(entry, entryOf(saved, area, item))) continue;
      const evidence = entry.evidence.trim() || null;
      // `na: true` together with a score is refused; setting a score clears `na` on the server.
      const patch: EntryPatch = entry.na
        ? { na: true, evidence }
        : entry.score === null
          ? { score: null, na: false, evidence }
          : { score: entry.score, evidence };
      changes[area] = { ...changes[area], [item]: patch };
    }
  }
  return changes;
}

/** Half away from zero, one decimal: how the API rounds. */
export function roundScore(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10 + Number.EPSILON)) / 10;
}

export interface Totals {
  score: number | null;
  scored: number;
  na: number;
  unscored: number;
}

export interface AreaTotals extends Totals {
  key: string;
  title: string;
  criticalGaps: number;
}

export interface SheetResult {
  overall: Totals;
  areas: AreaTotals[];
  gaps: { area: string; item: string; score: number }[];
  complete: boolean;
}

export function computeResult(template: Template, sheet: Sheet): SheetResult {
  let points = 0;
  let max = 0;
  const overall: Totals = { score: null, scored: 0, na: 0, unscored: 0 };
  const gaps: SheetResult['gaps'] = [];
  const areas = template.areas.map((area) => {
    let areaPoints = 0;
    let areaMax = 0;
    const totals: AreaTotals = {
      key: area.key,
      title: area.title,
      score: null,
      scored: 0,
      na: 0,
      unscored: 0,
      criticalGaps: 0,
    };
    for (const item of area.items) {
      const entry = entryOf(sheet, area.key, item.key);
      if (entry.na) {
        totals.na += 1;
      } else if (entry.score === null) {
        totals.unscored += 1;
      } else {
        totals.scored += 1;
        areaPoints += item.weight * entry.score;
        areaMax += item.weight * 3;
        if (item.critical && entry.score <= 1) {
          totals.criticalGaps += 1;
          gaps.push({ area: area.key, item: item.key, score: entry.score });
        }
      }
    }
    totals.score = areaMax > 0 ? roundScore((areaPoints / areaMax) * 100) : null;
    points += areaPoints;
    max += areaMax;
    overall.scored += totals.scored;
    overall.na += totals.na;
    overall.unscored += totals.unscored;
    return totals;
  });
  overall.score = max > 0 ? roundScore((points / max) * 100) : null;
  return { overall, areas, gaps, complete: overall.unscored === 0 };
}

/** A score for display: one decimal, or a dash when there is none. */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(`${language}-u-nu-latn`, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

export function formatDelta(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  const text = formatScore(Math.abs(value), language);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}
