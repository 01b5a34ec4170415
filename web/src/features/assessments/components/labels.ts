/** UI labels of the assessment value sets. Keys are written out in full for the i18n check. */
import type { TFunction } from 'i18next';

const keys = {
  status: {
    draft: 'assessments.status.draft',
    finished: 'assessments.status.finished',
  },
  priority: {
    low: 'assessments.priority.low',
    medium: 'assessments.priority.medium',
    high: 'assessments.priority.high',
  },
  recommendationStatus: {
    open: 'assessments.rec_status.open',
    in_progress: 'assessments.rec_status.in_progress',
    done: 'assessments.rec_status.done',
  },
  change: {
    improved: 'assessments.change.improved',
    worsened: 'assessments.change.worsened',
    unchanged: 'assessments.change.unchanged',
  },
} as const satisfies Record<string, Record<string, string>>;

export type AssessmentValueSet = keyof typeof keys;

export function assessmentLabel(
  t: TFunction,
  set: AssessmentValueSet,
  value: string | null | undefined,
): string {
  if (!value) return '';
  const key = (keys[set] as Record<string, string>)[value];
  return key ? t(key) : value;
}

export function assessmentOptions(
  t: TFunction,
  set: AssessmentValueSet,
  values: readonly string[],
) {
  return values.map((value) => ({ value, label: assessmentLabel(t, set, value) }));
}

/** An item's short name as the template writes it: "S1", "CH2". */
export function itemCode(key: string): string {
  return key.toUpperCase();
}
