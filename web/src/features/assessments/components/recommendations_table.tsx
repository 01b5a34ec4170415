import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import { formatDate } from '@/lib/format';
import { useCurrentUser } from '@/lib/session';
import type { Recommendation } from '../api/recommendations';
import type { Template } from '../api/templates';
import { assessmentLabel, itemCode } from './labels';

interface RecommendationsTableProps {
  items: Recommendation[];
  template: Template | undefined;
  /** Row actions; none for the printable report. */
  actions?: (rec: Recommendation) => ReactNode;
}

export function priorityTone(priority: string): 'bad' | 'warn' | 'neutral' {
  if (priority === 'high') return 'bad';
  if (priority === 'medium') return 'warn';
  return 'neutral';
}

/** Recommendations with their owner, priority, due date (overdue ones flagged) and status. */
export function RecommendationsTable({ items, template, actions }: RecommendationsTableProps) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const areaTitle = (key: string | null | undefined) =>
    template?.areas.find((area) => area.key === key)?.title ?? key ?? '';

  function owner(rec: Recommendation) {
    if (rec.owner_user_id) {
      if (rec.owner_user_id === me.id) return t('assessments.rec.owner_you');
      return (
        <>
          {t('assessments.rec.owner_user')}{' '}
          <code dir="ltr" title={rec.owner_user_id}>
            {rec.owner_user_id.slice(0, 8)}
          </code>
        </>
      );
    }
    if (rec.owner_name) return <span dir="auto">{rec.owner_name}</span>;
    return <span className="muted">{t('assessments.rec.owner_none')}</span>;
  }

  return (
    <div className="table-wrap">
      <table className="table table-compact table-wrap-text recommendations">
        <caption className="visually-hidden">{t('assessments.tab.recommendations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.rec.text')}</th>
            <th scope="col">{t('assessments.rec.standard')}</th>
            <th scope="col">{t('assessments.rec.owner')}</th>
            <th scope="col">{t('assessments.rec.priority')}</th>
            <th scope="col">{t('assessments.rec.due_date')}</th>
            <th scope="col">{t('assessments.rec.status')}</th>
            {actions ? (
              <th scope="col" className="no-print">
                <span className="visually-hidden">{t('shelters.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((rec) => (
            <tr key={rec.id}>
              <th scope="row" className="row-header prewrap" dir="auto">
                {rec.text}
              </th>
              <td>
                {rec.area ? (
                  <>
                    <span dir="auto">{areaTitle(rec.area)}</span>
                    {rec.item ? (
                      <>
                        {' · '}
                        <span dir="ltr">{itemCode(rec.item)}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>{owner(rec)}</td>
              <td>
                <Badge tone={priorityTone(rec.priority)}>
                  {assessmentLabel(t, 'priority', rec.priority)}
                </Badge>
              </td>
              <td>
                {rec.due_date ? formatDate(rec.due_date, i18n.language) : '—'}
                {rec.overdue ? (
                  <>
                    {' '}
                    <Badge tone="bad">{t('assessments.rec.overdue')}</Badge>
                  </>
                ) : null}
              </td>
              <td>
                <Badge
                  tone={
                    rec.status === 'done'
                      ? 'good'
                      : rec.status === 'in_progress'
                        ? 'warn'
                        : 'neutral'
                  }
                >
                  {assessmentLabel(t, 'recommendationStatus', rec.status)}
                </Badge>
              </td>
              {actions ? <td className="row-actions no-print">{actions(rec)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
