import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { TextField } from '@/components/field';
import { Loading } from '@/components/loading';
import { Card } from '@/components/page';
import { isApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useOccupancy } from '../api/get_occupancy';
import { addDays, daysBetween, isIsoDate, todayIso } from '../components/dates';
import { ErrorSummary } from '../components/forms';
import { OccupancyChart, reportPopulations } from '../components/occupancy_chart';
import { orderedPopulations, shelterValueLabel } from '../components/vocab';
import { useShelterOutlet } from './shelter_layout';

const presets = [30, 90, 365] as const;
const MAX_DAYS = 366;

/** The Occupancy tab: residents per night over a chosen period, today's figures and the average stay. */
export function ShelterOccupancyRoute() {
  const { t, i18n } = useTranslation();
  const { shelter } = useShelterOutlet();
  const today = todayIso();
  const [period, setPeriod] = useState({ from: addDays(today, -29), to: today });
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [fields, setFields] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const report = useOccupancy(shelter.id, period.from, period.to);
  const serverFields = isApiError(report.error) ? report.error.fields : {};
  const shown = Object.keys(fields).length > 0 ? fields : serverFields;

  function apply(next: { from: string; to: string }) {
    const problems: Record<string, string> = {};
    if (!isIsoDate(next.from)) problems.from = 'validation.date';
    if (!isIsoDate(next.to)) problems.to = 'validation.date';
    else if (isIsoDate(next.from) && next.to < next.from)
      problems.to = 'validation.end_before_start';
    else if (isIsoDate(next.from) && daysBetween(next.from, next.to) + 1 > MAX_DAYS)
      problems.to = 'validation.period_too_long';
    setFields(problems);
    if (Object.keys(problems).length === 0) setPeriod(next);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ from, to });
  }

  const labels: Record<string, string> = {
    from: t('shelters.occupancy.from'),
    to: t('shelters.occupancy.to'),
  };
  const data = report.data;
  const currentKeys = data ? orderedPopulations(data.capacity, data.current) : [];

  return (
    <section aria-labelledby="shelter-occupancy-title">
      <h2 id="shelter-occupancy-title" className="visually-hidden">
        {t('shelters.tab.occupancy')}
      </h2>
      <Card title={t('shelters.occupancy.now')}>
        {data ? (
          <dl className="summary occupancy-now">
            {currentKeys
              .filter((key) => key in data.capacity || (data.current[key] ?? 0) > 0)
              .map((key) => (
                <div key={key}>
                  <dt>{shelterValueLabel(t, 'population', key)}</dt>
                  <dd>
                    <span dir="ltr">
                      {t('shelters.occupancy.of', {
                        current: data.current[key] ?? 0,
                        capacity: data.capacity[key] ?? 0,
                      })}
                    </span>
                  </dd>
                </div>
              ))}
            <div>
              <dt>{t('shelters.occupancy.total')}</dt>
              <dd>
                <span dir="ltr" data-testid="occupancy-current-total">
                  {t('shelters.occupancy.of', {
                    current: data.current_total,
                    capacity: data.capacity_total,
                  })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('shelters.occupancy.average_stay')}</dt>
              <dd>
                {data.average_length_of_stay_days === null ||
                data.average_length_of_stay_days === undefined
                  ? t('shelters.occupancy.no_completed')
                  : t('shelters.occupancy.average_value', {
                      days: data.average_length_of_stay_days.toFixed(1),
                      count: data.completed_stays,
                    })}
              </dd>
            </div>
          </dl>
        ) : (
          <Loading />
        )}
      </Card>

      <Card title={t('shelters.occupancy.period')}>
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
          <ErrorSummary
            fields={shown}
            labelOf={(key) => labels[key] ?? key}
            onSelect={(key) =>
              formRef.current?.querySelector<HTMLElement>(`[name="${key}"]`)?.focus()
            }
          />
          <div className="form-grid period-grid">
            <TextField
              label={labels.from}
              name="from"
              type="date"
              value={from}
              onValueChange={setFrom}
              error={shown.from}
              required
            />
            <TextField
              label={labels.to}
              name="to"
              type="date"
              value={to}
              onValueChange={setTo}
              error={shown.to}
              required
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {t('shelters.occupancy.show')}
            </button>
            {presets.map((days) => (
              <button
                key={days}
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  const next = { from: addDays(today, -(days - 1)), to: today };
                  setFrom(next.from);
                  setTo(next.to);
                  apply(next);
                }}
              >
                {t('shelters.occupancy.last_days', { count: days })}
              </button>
            ))}
          </div>
        </form>
      </Card>

      {report.isPending ? <Loading /> : null}
      {report.isError && Object.keys(serverFields).length === 0 ? (
        <ErrorAlert error={report.error} />
      ) : null}
      {data ? (
        <Card
          title={t('shelters.occupancy.chart_heading', {
            from: formatDate(data.from, i18n.language),
            to: formatDate(data.to, i18n.language),
          })}
        >
          <OccupancyChart report={data} />
          <details className="details">
            <summary>{t('shelters.occupancy.show_table')}</summary>
            <div className="table-wrap chart-table">
              <table className="table table-compact">
                <caption className="visually-hidden">
                  {t('shelters.occupancy.table_caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('shelters.occupancy.night')}</th>
                    {reportPopulations(data).map((key) => (
                      <th key={key} scope="col" className="numeric">
                        {shelterValueLabel(t, 'population', key)}
                      </th>
                    ))}
                    <th scope="col" className="numeric">
                      {t('shelters.occupancy.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.days.map((day) => (
                    <tr key={day.date}>
                      <th scope="row" className="row-header">
                        {formatDate(day.date, i18n.language)}
                      </th>
                      {reportPopulations(data).map((key) => (
                        <td key={key} className="numeric">
                          {day.counts[key] ?? 0}
                        </td>
                      ))}
                      <td className="numeric">{day.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </Card>
      ) : null}
    </section>
  );
}
