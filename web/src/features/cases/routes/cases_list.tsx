import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Flash } from '@/components/flash';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { caseSorts, useCases, type CaseFilters, type CaseSort } from '../api/get_cases';
import { ageBandLabel } from '../components/age_band';
import { CaseFiltersForm } from '../components/case_filters';
import { useCountryNames } from '../components/countries';
import { useVocabularyList, useVocabularyOptions } from '../components/vocabulary';

/** Filters that may sit in the address bar: value names, codes and dates, never a name. */
const urlFilterKeys = [
  'status',
  'trafficking_status',
  'caseworker',
  'citizenship',
  'exploitation',
  'gender',
  'age_band',
  'registered_from',
  'registered_to',
  'sort',
] as const;

function filtersFrom(params: URLSearchParams): CaseFilters {
  const filters: CaseFilters = {};
  for (const key of urlFilterKeys) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'sort') {
      if ((caseSorts as readonly string[]).includes(value)) filters.sort = value as CaseSort;
    } else {
      filters[key] = value;
    }
  }
  return filters;
}

export function CasesListRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const piiVisible = can(me, 'view_pii');
  const [searchParams, setSearchParams] = useSearchParams();
  // The name searched for stays in memory: personal data never goes into the page address or history.
  const [name, setName] = useState<string | undefined>(undefined);
  const filters: CaseFilters = {
    ...filtersFrom(searchParams),
    name: piiVisible ? name : undefined,
  };
  const cases = useCases(filters);
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const status = useVocabularyOptions('cas_Status');
  const traffickingStatus = useVocabularyOptions('vic_TraffickingStatus');
  const gender = useVocabularyOptions('prs_Gender');
  const exploitation = useVocabularyList('vic_TypeOfExploitation');
  const countries = useCountryNames();
  const filtered = Object.values(filters).some((value) => value !== undefined);

  function apply(next: CaseFilters) {
    const params = new URLSearchParams();
    for (const key of urlFilterKeys) {
      const value = next[key];
      if (value) params.set(key, value);
    }
    setName(next.name);
    setSearchParams(params);
  }

  return (
    <Page
      title={t('cases.title')}
      description={t('cases.description')}
      actions={
        can(me, 'create:case') ? (
          <Link to={paths.caseNew} className="btn btn-primary">
            {t('cases.new')}
          </Link>
        ) : null
      }
    >
      <Flash />
      <CaseFiltersForm
        key={JSON.stringify(filters)}
        filters={filters}
        onApply={apply}
        canSearchNames={piiVisible}
        userId={me.id}
      />
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <ErrorAlert error={cases.error} /> : null}
      {cases.isSuccess && items.length === 0 ? (
        <p className="empty">{filtered ? t('cases.empty_filtered') : t('cases.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('cases.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.field.number')}</th>
                {piiVisible ? <th scope="col">{t('cases.column_name')}</th> : null}
                <th scope="col">{t('cases.field.status')}</th>
                <th scope="col">{t('cases.field.trafficking_status')}</th>
                <th scope="col">{t('cases.field.gender')}</th>
                <th scope="col">{t('cases.field.citizenship')}</th>
                <th scope="col">{t('cases.age_band')}</th>
                <th scope="col">{t('cases.field.exploitation')}</th>
                <th scope="col">{t('cases.column_registered')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="row-header">
                    <Link to={paths.case(row.id)} dir="ltr">
                      {row.cas_Number}
                    </Link>
                  </th>
                  {piiVisible ? <td dir="auto">{row.display_name}</td> : null}
                  <td>
                    <Badge tone={row.cas_Status === 'Active' ? 'good' : 'neutral'}>
                      {status.label(row.cas_Status)}
                    </Badge>
                  </td>
                  <td>{traffickingStatus.label(row.vic_TraffickingStatus)}</td>
                  <td>{gender.label(row.prs_Gender)}</td>
                  <td>{countries(row.prs_Citizenship)}</td>
                  <td>{ageBandLabel(t, row.age_band)}</td>
                  <td>{exploitation(row.vic_TypeOfExploitation)}</td>
                  <td>
                    {formatDate(row.created_at ?? row.cas_IncomingReferralDate, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={cases.hasNextPage}
        loading={cases.isFetchingNextPage}
        onLoadMore={() => void cases.fetchNextPage()}
      />
    </Page>
  );
}
