import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Loading } from '@/components/loading';
import { Card } from '@/components/page';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import type { Case } from '../api/get_case';
import { useScreenings, type Screening } from '../api/get_screenings';
import { DecisionForm } from '../components/decision_form';
import { usePeople } from '../components/people';
import { ScreeningForm } from '../components/screening_form';
import { DecisionSummary, ScreeningResult, useScreeningSet } from '../components/screening_result';
import { valueLabel } from '../components/value_labels';
import { useCaseOutlet } from './case_layout';

interface ScreeningCardProps {
  record: Case;
  screening: Screening;
  onReload: () => void;
  reloading: boolean;
}

/** One screening: when and with which list, what the indicators suggest, and the decision or its form. */
export function ScreeningCard({ record, screening, onReload, reloading }: ScreeningCardProps) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const people = usePeople();
  const set = useScreeningSet(screening);
  const mayDecide = can(me, 'update:case') && can(me, 'view_pii');
  return (
    <Card
      title={t('cases.screening.card_title', {
        date: formatDateTime(screening.created_at, i18n.language),
      })}
    >
      <p className="muted">
        {set
          ? t('cases.screening.screened_for', {
              population: valueLabel(t, 'population', set.population),
              kind: valueLabel(t, 'exploitationKind', set.kind),
            })
          : null}{' '}
        {t('cases.screening.set_used', {
          set: screening.indicator_set,
          version: screening.indicator_set_version,
        })}{' '}
        {t('cases.screening.by')} {people.name(screening.created_by)}
      </p>
      <p>{t('cases.screening.observed_count', { count: screening.observed.length })}</p>
      {screening.notes ? (
        <dl className="summary">
          <div className="summary-wide">
            <dt>{t('cases.screening.notes')}</dt>
            <dd className="prewrap" dir="auto">
              {screening.notes}
            </dd>
          </div>
        </dl>
      ) : null}
      <ScreeningResult screening={screening} />
      <h3 className="section-title">
        {t('cases.screening.decision')}{' '}
        {screening.decision ? null : <Badge tone="warn">{t('cases.screening.undecided')}</Badge>}
      </h3>
      {screening.decision ? (
        <DecisionSummary screening={screening} />
      ) : mayDecide ? (
        <DecisionForm
          record={record}
          screening={screening}
          onReload={onReload}
          reloading={reloading}
        />
      ) : (
        <p className="muted">{t('cases.screening.decision_needs_pii')}</p>
      )}
    </Card>
  );
}

/** The Screening tab: the case's screenings, newest first, and a new screening. */
export function CaseScreeningRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { record, reload, reloading } = useCaseOutlet();
  const screenings = useScreenings(record.id);
  const [screening, setScreening] = useState(false);
  const items = [...(screenings.data ?? [])].reverse();
  const mayScreen = can(me, 'update:case');

  return (
    <section aria-labelledby="case-screening-title">
      <h2 id="case-screening-title" className="visually-hidden">
        {t('cases.tab_screening')}
      </h2>
      {screenings.isPending ? <Loading /> : null}
      {screenings.isError ? <ErrorAlert error={screenings.error} /> : null}
      {screenings.isSuccess && items.length === 0 && !screening ? (
        <p className="empty">{t('cases.screening.empty')}</p>
      ) : null}
      {mayScreen && screening ? (
        <Card title={t('cases.screening.new')}>
          <ScreeningForm
            record={record}
            onScreened={() => setScreening(false)}
            onCancel={() => setScreening(false)}
          />
        </Card>
      ) : mayScreen && screenings.isSuccess ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => setScreening(true)}>
            {items.length === 0 ? t('cases.screening.start') : t('cases.screening.again')}
          </button>
        </div>
      ) : null}
      {items.map((item) => (
        <ScreeningCard
          key={item.id}
          record={record}
          screening={item}
          onReload={reload}
          reloading={reloading}
        />
      ))}
    </section>
  );
}
