import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet, useOutletContext, useParams } from 'react-router';
import { Badge } from '@/components/badge';
import { Flash } from '@/components/flash';
import { Page } from '@/components/page';
import { BackLink, Fact, RecordFallback, TabNav } from '@/components/record_layout';
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

/** A shelter: its header, its tabs, and the chosen tab below. */
export function ShelterLayoutRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const query = useShelter(id);

  const back = <BackLink to={paths.shelters}>{t('shelters.back_to_list')}</BackLink>;

  if (query.isPending || query.isError) {
    return (
      <RecordFallback
        error={query.error}
        title={t('shelters.shelter')}
        notFoundTitle={t('shelters.not_found_title')}
        notFoundBody={t('shelters.not_found_body')}
        back={back}
      />
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
      actions={back}
    >
      <Flash />
      <dl className="case-facts">
        <Fact term={t('shelters.field.status')}>
          <Badge tone={statusTone(shelter.status)}>
            {shelterValueLabel(t, 'status', shelter.status)}
          </Badge>
        </Fact>
        <Fact term={t('shelters.occupancy.total')} className="fact-number">
          <span dir="ltr">
            {t('shelters.occupancy.of', {
              current: shelter.occupancy?.current_total ?? 0,
              capacity: shelter.occupancy?.capacity_total ?? 0,
            })}
          </span>
        </Fact>
      </dl>
      <TabNav
        label={t('shelters.tabs_label')}
        tabs={tabs}
        pathOf={(tab) => shelterPaths.tab(shelter.id, tab)}
        labelKeys={tabLabelKeys}
        indexTab="overview"
      />
      <Outlet context={context} />
    </Page>
  );
}
