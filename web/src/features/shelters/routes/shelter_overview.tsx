import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/badge';
import { Card } from '@/components/page';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { hasLocation } from '../api/get_shelters';
import { OccupancyList } from '../components/occupancy_list';
import { shelterPaths } from '../components/shelter_paths';
import { accessibilityFlags, shelterValueLabel } from '../components/vocab';
import { useShelterOutlet } from './shelter_layout';

/**
 * What the shelter is and offers. The whereabouts appear only for holders of `view_shelter_location`; nothing
 * here links to an outside map service, which would hand the location to a third party.
 */
export function ShelterOverviewRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { shelter } = useShelterOutlet();
  const access = accessibilityFlags.filter((flag) => shelter.accessibility?.[flag]);
  const located = hasLocation(shelter);
  const contacts = shelter.contacts ?? [];

  return (
    <section aria-labelledby="shelter-overview-title">
      <h2 id="shelter-overview-title" className="visually-hidden">
        {t('shelters.tab.overview')}
      </h2>
      {can(me, 'update:shelter') ? (
        <div className="form-actions tab-actions">
          <Link to={shelterPaths.edit(shelter.id)} className="btn btn-primary">
            {t('shelters.edit')}
          </Link>
        </div>
      ) : null}
      <Card title={t('shelters.form.identity')}>
        <dl className="summary">
          <div>
            <dt>{t('shelters.field.operator_type')}</dt>
            <dd>{shelterValueLabel(t, 'operatorType', shelter.operator_type)}</dd>
          </div>
          <div>
            <dt>{t('shelters.field.operating_organisation')}</dt>
            <dd dir="auto">{shelter.operating_organisation}</dd>
          </div>
          <div>
            <dt>{t('shelters.field.status')}</dt>
            <dd>{shelterValueLabel(t, 'status', shelter.status)}</dd>
          </div>
          <div>
            <dt>{t('shelters.last_updated')}</dt>
            <dd>{formatDateTime(shelter.updated_at, i18n.language)}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t('shelters.field.populations')}>
        <OccupancyList shelter={shelter} />
      </Card>
      <Card title={t('shelters.form.services_and_access')}>
        <h3 className="section-title">{t('shelters.field.services')}</h3>
        {shelter.services.length > 0 ? (
          <ul className="chips">
            {shelter.services.map((service) => (
              <li key={service} className="chip chip-static">
                {shelterValueLabel(t, 'service', service)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('shelters.none_recorded')}</p>
        )}
        <h3 className="section-title">{t('shelters.field.accessibility')}</h3>
        {access.length > 0 ? (
          <ul className="chips">
            {access.map((flag) => (
              <li key={flag} className="chip chip-static">
                {shelterValueLabel(t, 'accessibility', flag)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('shelters.none_recorded')}</p>
        )}
        {shelter.accessibility?.notes ? (
          <p className="prewrap" dir="auto">
            {shelter.accessibility.notes}
          </p>
        ) : null}
      </Card>
      <Card title={t('shelters.form.location')}>
        {located ? (
          <>
            <p className="muted">
              <Badge tone="warn">{t('shelters.confidential')}</Badge> {t('shelters.location_note')}
            </p>
            <dl className="summary">
              <div className="summary-wide">
                <dt>{t('shelters.field.address')}</dt>
                <dd className="prewrap" dir="auto">
                  {shelter.address || t('shelters.not_recorded')}
                </dd>
              </div>
              <div>
                <dt>{t('shelters.field.coordinates')}</dt>
                <dd>
                  {shelter.latitude !== null &&
                  shelter.latitude !== undefined &&
                  shelter.longitude !== null &&
                  shelter.longitude !== undefined ? (
                    <span dir="ltr">{`${shelter.latitude}, ${shelter.longitude}`}</span>
                  ) : (
                    t('shelters.not_recorded')
                  )}
                </dd>
              </div>
            </dl>
            <h3 className="section-title">{t('shelters.field.contacts')}</h3>
            {contacts.length > 0 ? (
              <div className="table-wrap">
                <table className="table table-compact">
                  <caption className="visually-hidden">{t('shelters.field.contacts')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('shelters.contact.name')}</th>
                      <th scope="col">{t('shelters.contact.role')}</th>
                      <th scope="col">{t('shelters.contact.phone')}</th>
                      <th scope="col">{t('shelters.contact.email')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {contacts.map((contact, index) => (
                      <tr key={index}>
                        <th scope="row" className="row-header" dir="auto">
                          {contact.name}
                        </th>
                        <td dir="auto">{contact.role}</td>
                        <td>
                          <span dir="ltr">{contact.phone}</span>
                        </td>
                        <td>
                          <span dir="ltr">{contact.email}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">{t('shelters.contact.none')}</p>
            )}
          </>
        ) : (
          <p className="muted">{t('shelters.location_hidden')}</p>
        )}
      </Card>
    </section>
  );
}
