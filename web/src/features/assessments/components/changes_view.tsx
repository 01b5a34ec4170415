import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import { CheckboxField } from '@/components/field';
import { formatDate } from '@/lib/format';
import type { Changes } from '../api/changes';
import { assessmentLabel, itemCode } from './labels';
import { formatDelta, formatScore } from './sheet';

function changeTone(change: string | null | undefined): 'good' | 'bad' | 'neutral' {
  if (change === 'improved') return 'good';
  if (change === 'worsened') return 'bad';
  return 'neutral';
}

/** A previous item score as text: the figure, n/a, or a dash. */
function itemScore(t: (key: string) => string, score: number | null | undefined, na: boolean) {
  if (na) return t('assessments.sheet.not_applicable_short');
  return score === null || score === undefined ? '—' : String(score);
}

/** What changed since the shelter's previous finished assessment: overall, by area, item by item. */
export function ChangesView({
  changes,
  printable = false,
}: {
  changes: Changes;
  printable?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [onlyChanged, setOnlyChanged] = useState(false);
  if (!changes.previous_assessment_id) {
    return <p className="muted">{t('assessments.changes.none')}</p>;
  }
  const items = changes.items.filter(
    (item) => !onlyChanged || item.change === 'improved' || item.change === 'worsened',
  );
  const counts = {
    improved: changes.items.filter((item) => item.change === 'improved').length,
    worsened: changes.items.filter((item) => item.change === 'worsened').length,
  };
  return (
    <div className="changes">
      <p>
        {t('assessments.changes.since', {
          date: formatDate(changes.previous_assessed_on, i18n.language),
        })}{' '}
        <Badge tone="good">
          {t('assessments.changes.improved_count', { count: counts.improved })}
        </Badge>{' '}
        <Badge tone="bad">
          {t('assessments.changes.worsened_count', { count: counts.worsened })}
        </Badge>
      </p>
      <div className="table-wrap">
        <table className="table table-compact table-wrap-text">
          <caption className="visually-hidden">{t('assessments.changes.areas_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessments.results.area')}</th>
              <th scope="col" className="numeric">
                {t('assessments.changes.previous')}
              </th>
              <th scope="col" className="numeric">
                {t('assessments.changes.current')}
              </th>
              <th scope="col" className="numeric">
                {t('assessments.changes.delta')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="row-total">
              <th scope="row" className="row-header">
                {t('assessments.sheet.overall')}
              </th>
              <td className="numeric">{formatScore(changes.overall.previous, i18n.language)}</td>
              <td className="numeric">{formatScore(changes.overall.current, i18n.language)}</td>
              <td className="numeric">{formatDelta(changes.overall.delta, i18n.language)}</td>
            </tr>
            {changes.areas.map((area) => (
              <tr key={area.key}>
                <th scope="row" className="row-header" dir="auto">
                  {area.title ?? area.key}
                </th>
                <td className="numeric">{formatScore(area.previous, i18n.language)}</td>
                <td className="numeric">{formatScore(area.current, i18n.language)}</td>
                <td className="numeric">{formatDelta(area.delta, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="section-title">{t('assessments.changes.items_title')}</h3>
      {printable ? null : (
        <CheckboxField
          label={t('assessments.changes.only_changed')}
          name="only_changed"
          checked={onlyChanged}
          onCheckedChange={setOnlyChanged}
        />
      )}
      <div className="table-wrap">
        <table className="table table-compact table-wrap-text">
          <caption className="visually-hidden">{t('assessments.changes.items_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessments.results.item')}</th>
              <th scope="col" className="numeric">
                {t('assessments.changes.previous')}
              </th>
              <th scope="col" className="numeric">
                {t('assessments.changes.current')}
              </th>
              <th scope="col">{t('assessments.changes.change')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.area}.${item.item}`}>
                <th scope="row" className="row-header">
                  <span dir="ltr">{itemCode(item.item)}</span>{' '}
                  <span dir="auto">{item.statement}</span>
                  {item.critical ? (
                    <>
                      {' '}
                      <Badge tone="warn">{t('assessments.sheet.critical')}</Badge>
                    </>
                  ) : null}
                </th>
                <td className="numeric">{itemScore(t, item.previous_score, item.previous_na)}</td>
                <td className="numeric">{itemScore(t, item.current_score, item.current_na)}</td>
                <td>
                  {item.change ? (
                    <Badge tone={changeTone(item.change)}>
                      {assessmentLabel(t, 'change', item.change)}
                      {item.delta ? ` (${item.delta > 0 ? '+' : '−'}${Math.abs(item.delta)})` : ''}
                    </Badge>
                  ) : (
                    <span className="muted">{t('assessments.changes.not_comparable')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
