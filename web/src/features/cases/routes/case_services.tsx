import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Loading } from '@/components/loading';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { servicesQueryKey, useServices, type AssistanceService } from '../api/get_services';
import { formatMoney } from '../components/money';
import { ServiceForm } from '../components/service_form';
import { valueLabel } from '../components/value_labels';
import { useCaseOutlet } from './case_layout';

const statusTone: Partial<Record<string, 'neutral' | 'good' | 'bad'>> = {
  planned: 'neutral',
  ongoing: 'good',
  completed: 'good',
  declined: 'bad',
};

/** The Services tab: assistance given to the person, with its cost, and the forms to add or change one. */
export function CaseServicesRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { record } = useCaseOutlet();
  const services = useServices(record.id);
  // null: no form; 'new': adding; a service id: editing that service.
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<AssistanceService | null>(null);
  const mayEdit = can(me, 'update:case');
  const items = services.data ?? [];
  const edited = items.find((service) => service.id === editing);

  const done = (result: AssistanceService | null) => {
    setEditing(null);
    setSaved(result);
  };

  return (
    <section aria-labelledby="case-services-title">
      <h2 id="case-services-title" className="visually-hidden">
        {t('cases.tab_services')}
      </h2>
      {saved && !editing ? (
        <Alert
          tone="success"
          title={t('cases.services.saved', { type: valueLabel(t, 'serviceType', saved.type) })}
        />
      ) : null}
      {services.isPending ? <Loading /> : null}
      {services.isError ? <ErrorAlert error={services.error} /> : null}
      {editing === 'new' || edited ? (
        <ServiceForm
          key={edited ? `${edited.id}:${edited.version}` : 'new'}
          caseId={record.id}
          service={edited}
          onDone={done}
          onReload={() =>
            void queryClient.invalidateQueries({ queryKey: servicesQueryKey(record.id) })
          }
          reloading={services.isFetching}
        />
      ) : mayEdit ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('cases.services.add')}
          </button>
        </div>
      ) : null}
      {services.isSuccess && items.length === 0 ? (
        <p className="empty">{t('cases.services.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('cases.tab_services')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.services.type')}</th>
                <th scope="col">{t('cases.services.provider')}</th>
                <th scope="col">{t('cases.services.dates')}</th>
                <th scope="col">{t('cases.services.status')}</th>
                <th scope="col" className="numeric">
                  {t('cases.services.cost')}
                </th>
                <th scope="col">{t('cases.services.funding_source')}</th>
                {mayEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((service) => {
                const type = valueLabel(t, 'serviceType', service.type);
                return (
                  <tr key={service.id}>
                    <th scope="row" className="row-header">
                      {type}
                    </th>
                    <td dir="auto">{service.provider}</td>
                    <td>
                      {service.start_date || service.end_date
                        ? t('cases.services.date_range', {
                            start: formatDate(service.start_date, i18n.language) || '…',
                            end: formatDate(service.end_date, i18n.language) || '…',
                          })
                        : null}
                    </td>
                    <td>
                      <Badge tone={statusTone[service.status] ?? 'neutral'}>
                        {valueLabel(t, 'serviceStatus', service.status)}
                      </Badge>
                    </td>
                    <td className="numeric" dir="ltr">
                      {service.cost === null || service.cost === undefined
                        ? null
                        : formatMoney(service.cost, service.currency, i18n.language)}
                    </td>
                    <td dir="auto">{service.funding_source}</td>
                    {mayEdit ? (
                      <td>
                        <button
                          type="button"
                          className="btn btn-secondary"
                          aria-label={t('cases.services.edit_named', { type })}
                          onClick={() => {
                            setSaved(null);
                            setEditing(service.id);
                          }}
                        >
                          {t('cases.edit')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
