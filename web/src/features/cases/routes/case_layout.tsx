import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Flash } from '@/components/flash';
import { Page } from '@/components/page';
import { BackLink, Fact, RecordFallback, TabNav } from '@/components/record_layout';
import { formatDate, formatDateTime } from '@/lib/format';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { caseQueryKey, useCaseDetail, type Case } from '../api/get_case';
import { casePaths, caseTabs, type CaseTab } from '../components/case_paths';
import { CaseOwner } from '../components/case_owner';
import { useVocabularyOptions } from '../components/vocabulary';

export interface CaseOutletContext {
  record: Case;
  /**
   * Fetches the case again, with whatever the open tab shows of it (after a conflict); the tabs' forms
   * restart from the new version.
   */
  reload: () => void;
  reloading: boolean;
}

export function useCaseOutlet(): CaseOutletContext {
  return useOutletContext<CaseOutletContext>();
}

/** The person's name as the case page header shows it, when the user may see it. */
function personName(t: (key: string, values: Record<string, string>) => string, record: Case) {
  const given = record.person.prs_FirstName ?? '';
  const family = record.person.prs_SecondName ?? '';
  if (given && family) return t('cases.person_name', { given, family });
  return given || family;
}

/** Labels of the tabs; keys written out for the i18n check. */
const tabLabelKeys: Record<CaseTab, string> = {
  profile: 'cases.tab_profile',
  trafficking: 'cases.tab_trafficking',
  screening: 'cases.tab_screening',
  consent: 'cases.tab_consent',
  services: 'cases.tab_services',
  notes: 'cases.tab_notes',
  tasks: 'cases.tab_tasks',
  closure: 'cases.tab_closure',
  history: 'cases.tab_history',
};

/** A case: its header, its tabs, and the chosen tab below. */
export function CaseLayoutRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const query = useCaseDetail(id);
  const status = useVocabularyOptions('cas_Status');
  const traffickingStatus = useVocabularyOptions('vic_TraffickingStatus');

  const back = <BackLink to={paths.cases}>{t('cases.back_to_list')}</BackLink>;

  if (query.isPending || query.isError) {
    return (
      <RecordFallback
        error={query.error}
        title={t('cases.case')}
        notFoundTitle={t('cases.not_found_title')}
        notFoundBody={t('cases.not_found_body')}
        back={back}
      />
    );
  }

  const record = query.data;
  const name = personName(t, record);
  const context: CaseOutletContext = {
    record,
    reload: () => void queryClient.invalidateQueries({ queryKey: caseQueryKey(record.id) }),
    reloading: query.isFetching,
  };

  return (
    <Page
      title={t('cases.case_title', { number: record.cas_Number })}
      description={name ? <span dir="auto">{name}</span> : undefined}
      actions={back}
    >
      <Flash />
      <dl className="case-facts">
        <Fact term={t('cases.field.status')}>
          <Badge tone={record.cas_Status === 'Active' ? 'good' : 'neutral'}>
            {status.label(record.cas_Status)}
          </Badge>
        </Fact>
        <Fact term={t('cases.field.trafficking_status')}>
          {record.vic_TraffickingStatus
            ? traffickingStatus.label(record.vic_TraffickingStatus)
            : t('cases.not_recorded')}
        </Fact>
        <Fact term={t('cases.field.case_owner')}>
          <CaseOwner record={record} onReload={context.reload} reloading={context.reloading} />
        </Fact>
        <Fact term={t('cases.column_registered')}>
          {formatDate(record.created_at, i18n.language)}
        </Fact>
        <Fact term={t('cases.last_updated')}>
          {formatDateTime(record.updated_at, i18n.language)}
        </Fact>
      </dl>
      {record.closure?.state === 'requested' ? (
        <Alert
          tone="info"
          title={t('cases.closure.awaiting')}
          actions={
            <Link to={casePaths.tab(record.id, 'closure')} className="btn btn-secondary">
              {can(me, 'approve:case') ? t('cases.closure.review') : t('cases.closure.see')}
            </Link>
          }
        />
      ) : null}
      <TabNav
        label={t('cases.tabs_label')}
        tabs={caseTabs}
        pathOf={(tab) => casePaths.tab(record.id, tab)}
        labelKeys={tabLabelKeys}
        indexTab="profile"
      />
      <Outlet context={context} />
    </Page>
  );
}
