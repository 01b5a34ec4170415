import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Loading } from '@/components/loading';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { incidentsQueryKey, useIncidents, useSaveIncident, type Incident } from '../api/incidents';
import { isStale, ProblemAlert, StaleAlert } from '../components/forms';
import { IncidentForm } from '../components/incident_form';
import { shelterValueLabel } from '../components/vocab';
import { useShelterOutlet } from './shelter_layout';

function severityTone(severity: string): 'bad' | 'warn' | 'neutral' {
  if (severity === 'critical' || severity === 'high') return 'bad';
  if (severity === 'medium') return 'warn';
  return 'neutral';
}

/**
 * The Incidents tab. Every reader of the shelter sees that incidents happened (kind, severity, time, status);
 * the texts are for the shelter's own staff (`view_pii` and `read:resident`).
 */
export function ShelterIncidentsRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { shelter } = useShelterOutlet();
  const incidents = useIncidents(shelter.id);
  const close = useSaveIncident(shelter.id);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const mayUpdate = can(me, 'update:shelter');
  const mayWriteTexts = can(me, 'view_pii') && can(me, 'read:resident');
  const items = incidents.data ?? [];
  const reload = () => {
    close.reset();
    void queryClient.invalidateQueries({ queryKey: incidentsQueryKey(shelter.id) });
  };
  const followed = items.find((incident) => incident.id === editing);

  function label(incident: Incident): string {
    return t('shelters.incidents.label', {
      kind: shelterValueLabel(t, 'incidentKind', incident.kind),
      time: formatDateTime(incident.occurred_at, i18n.language),
    });
  }

  return (
    <section aria-labelledby="shelter-incidents-title">
      <h2 id="shelter-incidents-title" className="visually-hidden">
        {t('shelters.tab.incidents')}
      </h2>
      {saved && editing === null ? <Alert tone="success" title={saved} /> : null}
      {isStale(close.error) ? (
        <StaleAlert onReload={reload} reloading={incidents.isFetching} />
      ) : close.isError ? (
        <ProblemAlert error={close.error} />
      ) : null}
      {editing === 'new' ? (
        <IncidentForm
          shelterId={shelter.id}
          mayWriteTexts={mayWriteTexts}
          onDone={(incident) => {
            setEditing(null);
            if (incident) setSaved(t('shelters.incidents.added'));
          }}
          onReload={reload}
          reloading={incidents.isFetching}
        />
      ) : null}
      {followed ? (
        <IncidentForm
          key={followed.version}
          shelterId={shelter.id}
          incident={followed}
          mayWriteTexts={mayWriteTexts}
          onDone={(incident) => {
            setEditing(null);
            if (incident) setSaved(t('shelters.incidents.updated'));
          }}
          onReload={reload}
          reloading={incidents.isFetching}
        />
      ) : null}
      {editing === null && mayUpdate && mayWriteTexts ? (
        <div className="form-actions tab-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setSaved(null);
              close.reset();
              setEditing('new');
            }}
          >
            {t('shelters.incidents.add')}
          </button>
        </div>
      ) : null}
      {incidents.isPending ? <Loading /> : null}
      {incidents.isError ? <ErrorAlert error={incidents.error} /> : null}
      {incidents.isSuccess && items.length === 0 ? (
        <p className="empty">{t('shelters.incidents.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact table-wrap-text incidents">
            <caption className="visually-hidden">{t('shelters.tab.incidents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shelters.incidents.kind')}</th>
                <th scope="col">{t('shelters.incidents.occurred_at')}</th>
                <th scope="col">{t('shelters.incidents.severity')}</th>
                <th scope="col">{t('shelters.incidents.status')}</th>
                {mayWriteTexts ? <th scope="col">{t('shelters.incidents.details')}</th> : null}
                {mayUpdate ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('shelters.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((incident) => (
                <tr key={incident.id}>
                  <th scope="row" className="row-header">
                    {shelterValueLabel(t, 'incidentKind', incident.kind)}
                  </th>
                  <td>{formatDateTime(incident.occurred_at, i18n.language)}</td>
                  <td>
                    <Badge tone={severityTone(incident.severity)}>
                      {shelterValueLabel(t, 'severity', incident.severity)}
                    </Badge>
                  </td>
                  <td>
                    <Badge tone={incident.status === 'open' ? 'warn' : 'good'}>
                      {shelterValueLabel(t, 'incidentStatus', incident.status)}
                    </Badge>
                  </td>
                  {mayWriteTexts ? (
                    <td>
                      <p className="prewrap" dir="auto">
                        {incident.description}
                      </p>
                      {incident.follow_up ? (
                        <p className="prewrap muted" dir="auto">
                          <strong>{t('shelters.incidents.follow_up')}:</strong> {incident.follow_up}
                        </p>
                      ) : null}
                    </td>
                  ) : null}
                  {mayUpdate ? (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-secondary"
                        aria-label={t('shelters.incidents.follow_up_named', {
                          incident: label(incident),
                        })}
                        onClick={() => {
                          setSaved(null);
                          close.reset();
                          setEditing(incident.id);
                        }}
                      >
                        {t('shelters.incidents.follow_up_action')}
                      </button>
                      {incident.status === 'open' ? (
                        <button
                          type="button"
                          className="btn btn-secondary"
                          disabled={close.isPending}
                          aria-label={t('shelters.incidents.close_named', {
                            incident: label(incident),
                          })}
                          onClick={() => {
                            setSaved(null);
                            close.mutate(
                              {
                                id: incident.id,
                                version: incident.version,
                                input: { status: 'closed' },
                              },
                              { onSuccess: () => setSaved(t('shelters.incidents.closed')) },
                            );
                          }}
                        >
                          {t('shelters.incidents.close')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
