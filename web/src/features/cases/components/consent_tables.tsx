import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import { formatDate, formatDateTime } from '@/lib/format';
import { consentKinds, type Consent, type ConsentsAnswer } from '../api/get_consents';
import { FieldValue } from './case_summary';
import type { ConsentPreset } from './consent_form';
import { usePeople } from './people';
import { valueLabel } from './value_labels';

const stateTone: Partial<Record<string, 'good' | 'bad' | 'warn'>> = {
  given: 'good',
  declined: 'bad',
  withdrawn: 'warn',
};

export function ConsentStateBadge({ state }: { state: string | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return <span className="muted">{t('cases.consent.none')}</span>;
  const tone = stateTone[state] ?? 'neutral';
  return <Badge tone={tone}>{valueLabel(t, 'consentState', state)}</Badge>;
}

interface ConsentOverviewProps {
  answer: ConsentsAnswer;
  /** Offered for each consent in effect when the user may record consents. */
  onWithdraw?: (preset: ConsentPreset) => void;
}

/** The state in effect of each kind of consent, and of sharing with each organisation. */
export function ConsentOverview({ answer, onWithdraw }: ConsentOverviewProps) {
  const { t } = useTranslation();
  const effective = answer.effective;
  const rows: { kind: string; organisation?: string; state: string | null | undefined }[] = [
    ...consentKinds
      .filter((kind) => kind !== 'sharing')
      .map((kind) => ({ kind, state: effective[kind] })),
    ...Object.entries(effective.sharing ?? {}).map(([organisation, state]) => ({
      kind: 'sharing',
      organisation,
      state,
    })),
  ];
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('cases.consent.in_effect')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.consent.kind')}</th>
            <th scope="col">{t('cases.consent.state')}</th>
            {onWithdraw ? (
              <th scope="col">
                <span className="visually-hidden">{t('cases.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = row.organisation
              ? t('cases.consent.sharing_with', { organisation: row.organisation })
              : valueLabel(t, 'consentKind', row.kind);
            return (
              <tr key={`${row.kind}:${row.organisation ?? ''}`}>
                <th scope="row" className="row-header" dir="auto">
                  {label}
                </th>
                <td>
                  <ConsentStateBadge state={row.state} />
                </td>
                {onWithdraw ? (
                  <td>
                    {row.state === 'given' ? (
                      <button
                        type="button"
                        className="btn btn-secondary"
                        aria-label={t('cases.consent.withdraw_named', { consent: label })}
                        onClick={() =>
                          onWithdraw({
                            kind: row.kind,
                            organisation: row.organisation,
                            state: 'withdrawn',
                          })
                        }
                      >
                        {t('cases.consent.withdraw')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Every entry, newest first: nothing is ever edited, a withdrawal is a newer entry. */
export function ConsentHistory({ items }: { items: readonly Consent[] }) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  if (items.length === 0) return <p className="empty">{t('cases.consent.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('cases.consent.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.consent.date')}</th>
            <th scope="col">{t('cases.consent.kind')}</th>
            <th scope="col">{t('cases.consent.state')}</th>
            <th scope="col">{t('cases.consent.form')}</th>
            <th scope="col">{t('cases.consent.recorded_by')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((consent) => (
            <tr key={consent.id}>
              <td>{formatDate(consent.date, i18n.language)}</td>
              <td dir="auto">
                {consent.organisation
                  ? t('cases.consent.sharing_with', { organisation: consent.organisation })
                  : valueLabel(t, 'consentKind', consent.kind)}
              </td>
              <td>
                <ConsentStateBadge state={consent.state} />
              </td>
              <td>
                {valueLabel(t, 'consentForm', consent.form)}
                {consent.form === 'verbal' ? (
                  <>
                    {' — '}
                    {t('cases.consent.witness')}:{' '}
                    <FieldValue value={consent.witness} hidden={!people.me.view_pii}>
                      <span dir="auto">{consent.witness}</span>
                    </FieldValue>
                  </>
                ) : null}
              </td>
              <td>
                {people.name(consent.recorded_by)}
                <br />
                <span className="muted">{formatDateTime(consent.created_at, i18n.language)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
