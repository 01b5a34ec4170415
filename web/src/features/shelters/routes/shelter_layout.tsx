import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Flash } from '@/components/flash';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { isApiError } from '@/lib/api';
import { paths } from '@/lib/paths';
import { can, type Permission } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { shelterQueryKey, useShelter } from '../api/get_shelter';
import type { Shelter } from '../api/get_shelters';
import { statusTone } from '../components/occupancy_list';
import { shelterPaths, shelterTabs, type ShelterTab } from '../components/shelter_paths';
import { shelterValueLabel } from '../components/vocab';

export interface ShelterOutletContext {
  shelter: Shelter;
  /** Reads the shelter again (after a conflict); forms restart from the new version. */
  reload: () => void;
  reloading: boolean;
}

export function useShelterOutlet(): ShelterOutletContext {
  return useOutletContext<ShelterOutletContext>();
}

/** Labels of the tabs; keys written out for the i18n check. */
const tabLabelKeys: Record<ShelterTab, string> = {
  overview: 'shelters.tab.overview',
  residents: 'shelters.tab.residents',
  occupancy: 'shelters.tab.occupancy',
  incidents: 'shelters.tab.incidents',
  assessments: 'shelters.tab.assessments',
};

/** Who sees which tab: a convenience only, the server refuses the calls anyway. */
const tabPermissions: Partial<Record<ShelterTab, Permission>> = {
  residents: 'read:resident',
  assessments: 'read:assessment',
};

function BackToList() {
  const { t } = useTranslation();
  return (
    <Link to={paths.shelters} className="btn btn-secondary">
      {t('shelters.back_to_list')}
    </Link>
  );
}

/** A shelter: its header, its tabs, and the chosen tab below. */
export function ShelterLayoutRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const query = useShelter(id);

  if (query.isPending) {
    return (
      <Page title={t('shelters.shelter')}>
        <Loading />
      </Page>
    );
  }
  if (query.isError) {
    // Another office's shelter answers 404 too: the page cannot tell, and must not, whether it exists.
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Page title={t('shelters.not_found_title')} actions={<BackToList />}>
          <p>{t('shelters.not_found_body')}</p>
        </Page>
      );
    }
    return (
      <Page title={t('shelters.shelter')} actions={<BackToList />}>
        <ErrorAlert error={query.error} />
      </Page>
    );
  }

  const shelter = query.data;
  const context: ShelterOutletContext = {
    shelter,
    reload: () => void queryClient.invalidateQueries({ queryKey: shelterQueryKey(shelter.id) }),
    reloading: query.isFetching,
  };
  const tabs = shelterTabs.filter((tab) => {
    const permission = tabPermissions[tab];
    return !permission || can(me, permission);
  });

  return (
    <Page
      title={shelter.name}
      description={t('shelters.header_description', {
        operator: shelterValueLabel(t, 'operatorType', shelter.operator_type),
        organisation: shelter.operating_organisation ?? '',
      })}
      actions={<BackToList />}
    >
      <Flash />
      <dl className="case-facts">
        <div>
          <dt>{t('shelters.field.status')}</dt>
          <dd>
            <Badge tone={statusTone(shelter.status)}>
              {shelterValueLabel(t, 'status', shelter.status)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>{t('shelters.occupancy.total')}</dt>
          <dd className="fact-number">
            <span dir="ltr">
              {t('shelters.occupancy.of', {
                current: shelter.occupancy?.current_total ?? 0,
                capacity: shelter.occupancy?.capacity_total ?? 0,
              })}
            </span>
          </dd>
        </div>
      </dl>
      <nav aria-label={t('shelters.tabs_label')} className="tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab}>
              <NavLink to={shelterPaths.tab(shelter.id, tab)} end={tab === 'overview'}>
                {t(tabLabelKeys[tab])}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={context} />
    </Page>
  );
}
