import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import {
  staysQueryKey,
  useCurrentAdmissions,
  useDischargedAdmissions,
  useResidents,
  type Admission,
} from '../api/stays';
import { AdmitForm } from '../components/admit_form';
import { DischargeForm } from '../components/discharge_form';
import { shelterValueLabel } from '../components/vocab';
import { useShelterOutlet } from './shelter_layout';

type Done = { kind: 'admitted' | 'discharged'; number: string } | null;

/** The Residents tab, for the shelter's staff (`read:resident`): a convenience, the server decides. */
export function ShelterResidentsRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!can(me, 'read:resident')) {
    return <Alert tone="warning" title={t('errors.permission_denied')} />;
  }
  return <Residents />;
}

/** Who stays now (admit, discharge) and the stays that ended. */
function Residents() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { shelter } = useShelterOutlet();
  const current = useCurrentAdmissions(shelter.id);
  const residents = useResidents(shelter.id);
  const past = useDischargedAdmissions(shelter.id);
  const [admitting, setAdmitting] = useState(false);
  const [discharging, setDischarging] = useState<string | null>(null);
  const [done, setDone] = useState<Done>(null);
  const mayChange = can(me, 'update:resident');
  const names = new Map((residents.data ?? []).map((row) => [row.admission_id, row.display_name]));
  const stays = current.data ?? [];
  const ended = past.data?.pages.flatMap((page) => page.items) ?? [];
  const reload = () => void queryClient.invalidateQueries({ queryKey: staysQueryKey(shelter.id) });

  function residentLabel(admission: Admission): string {
    const number = admission.case_number ?? admission.case_id.slice(0, 8);
    const name = names.get(admission.id);
    return name ? t('shelters.residents.label_named', { number, name }) : number;
  }

  const dischargingStay = stays.find((stay) => stay.id === discharging);

  return (
    <section aria-labelledby="shelter-residents-title">
      <h2 id="shelter-residents-title" className="visually-hidden">
        {t('shelters.tab.residents')}
      </h2>
      {done && !admitting && !discharging ? (
        <Alert
          tone="success"
          title={
            done.kind === 'admitted'
              ? t('shelters.residents.admitted', { number: done.number })
              : t('shelters.residents.discharged', { number: done.number })
          }
        />
      ) : null}
      {admitting ? (
        <AdmitForm
          shelter={shelter}
          onDone={(admitted) => {
            setAdmitting(false);
            if (admitted) {
              setDone({ kind: 'admitted', number: admitted.case_number ?? '' });
              reload();
            }
          }}
        />
      ) : mayChange && !discharging ? (
        <div className="form-actions tab-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setDone(null);
              setAdmitting(true);
            }}
          >
            {t('shelters.residents.admit')}
          </button>
        </div>
      ) : null}
      {dischargingStay ? (
        <DischargeForm
          key={dischargingStay.version}
          shelterId={shelter.id}
          admission={dischargingStay}
          resident={residentLabel(dischargingStay)}
          onDone={(discharged) => {
            setDischarging(null);
            if (discharged) {
              setDone({ kind: 'discharged', number: discharged.case_number ?? '' });
              reload();
            }
          }}
          onReload={reload}
          reloading={current.isFetching}
        />
      ) : null}

      <h3 className="section-title">{t('shelters.residents.current')}</h3>
      {current.isPending ? <Loading /> : null}
      {current.isError ? <ErrorAlert error={current.error} /> : null}
      {current.isSuccess && stays.length === 0 ? (
        <p className="empty">{t('shelters.residents.empty')}</p>
      ) : null}
      {stays.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('shelters.residents.current')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shelters.residents.resident')}</th>
                <th scope="col">{t('shelters.admit.population')}</th>
                <th scope="col">{t('shelters.admit.date')}</th>
                <th scope="col">{t('shelters.residents.room_bed')}</th>
                <th scope="col" className="numeric">
                  {t('shelters.residents.nights')}
                </th>
                {mayChange ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('shelters.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {stays.map((stay) => (
                <tr key={stay.id}>
                  <th scope="row" className="row-header">
                    <span dir="ltr">{stay.case_number}</span>
                    {names.get(stay.id) ? (
                      <span dir="auto" className="resident-name">
                        {' '}
                        {names.get(stay.id)}
                      </span>
                    ) : null}
                    {stay.over_capacity ? (
                      <>
                        {' '}
                        <Badge tone="warn">{t('shelters.residents.over_capacity')}</Badge>
                      </>
                    ) : null}
                  </th>
                  <td>{shelterValueLabel(t, 'population', stay.population)}</td>
                  <td>{formatDate(stay.admission_date, i18n.language)}</td>
                  <td dir="auto">{[stay.room, stay.bed].filter(Boolean).join(' / ')}</td>
                  <td className="numeric">{stay.days_in_shelter ?? ''}</td>
                  {mayChange ? (
                    <td>
                      <button
                        type="button"
                        className="btn btn-secondary"
                        aria-label={t('shelters.residents.discharge_named', {
                          resident: residentLabel(stay),
                        })}
                        onClick={() => {
                          setDone(null);
                          setAdmitting(false);
                          setDischarging(stay.id);
                        }}
                      >
                        {t('shelters.residents.discharge')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h3 className="section-title">{t('shelters.residents.past')}</h3>
      {past.isPending ? <Loading /> : null}
      {past.isError ? <ErrorAlert error={past.error} /> : null}
      {past.isSuccess && ended.length === 0 ? (
        <p className="empty">{t('shelters.residents.past_empty')}</p>
      ) : null}
      {ended.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('shelters.residents.past')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shelters.residents.case_number')}</th>
                <th scope="col">{t('shelters.admit.population')}</th>
                <th scope="col">{t('shelters.admit.date')}</th>
                <th scope="col">{t('shelters.discharge.date')}</th>
                <th scope="col">{t('shelters.discharge.destination')}</th>
                <th scope="col" className="numeric">
                  {t('shelters.residents.nights')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ended.map((stay) => (
                <tr key={stay.id}>
                  <th scope="row" className="row-header" dir="ltr">
                    {stay.case_number}
                  </th>
                  <td>{shelterValueLabel(t, 'population', stay.population)}</td>
                  <td>{formatDate(stay.admission_date, i18n.language)}</td>
                  <td>{formatDate(stay.discharge?.date, i18n.language)}</td>
                  <td>
                    {shelterValueLabel(t, 'destination', stay.discharge?.destination)}
                    {stay.discharge?.reason ? (
                      <p className="muted prewrap" dir="auto">
                        {stay.discharge.reason}
                      </p>
                    ) : null}
                  </td>
                  <td className="numeric">{stay.days_in_shelter ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={past.hasNextPage}
        loading={past.isFetchingNextPage}
        onLoadMore={() => void past.fetchNextPage()}
      />
    </section>
  );
}
