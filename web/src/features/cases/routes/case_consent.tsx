import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { Loading } from '@/components/loading';
import { Card } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { useConsents } from '../api/get_consents';
import { ConsentForm, type ConsentPreset } from '../components/consent_form';
import { ConsentHistory, ConsentOverview } from '../components/consent_tables';
import { useCaseOutlet } from './case_layout';

/** Consents of a case: the states in effect, the form to record one, and the whole history. */
export function ConsentPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const consents = useConsents(caseId);
  const mayRecord = can(me, 'update:case');
  // Each "Withdraw" restarts the form on that consent; the counter makes a repeated click restart it too.
  const [preset, setPreset] = useState<{ value?: ConsentPreset; n: number }>({ n: 0 });
  const formRef = useRef<HTMLDivElement>(null);

  function withdraw(value: ConsentPreset) {
    setPreset((old) => ({ value, n: old.n + 1 }));
    requestAnimationFrame(() => {
      formRef.current?.scrollIntoView({ block: 'start' });
      formRef.current?.querySelector<HTMLElement>('[name="date"]')?.focus();
    });
  }

  return (
    <>
      {consents.isPending ? <Loading /> : null}
      {consents.isError ? <ErrorAlert error={consents.error} /> : null}
      {consents.data ? (
        <Card title={t('cases.consent.in_effect')}>
          <ConsentOverview answer={consents.data} onWithdraw={mayRecord ? withdraw : undefined} />
        </Card>
      ) : null}
      {mayRecord ? (
        <div ref={formRef}>
          <Card title={preset.value ? t('cases.consent.withdraw_title') : t('cases.consent.add')}>
            <ConsentForm
              key={preset.n}
              caseId={caseId}
              preset={preset.value}
              onRecorded={() => setPreset((old) => ({ n: old.n, value: undefined }))}
            />
          </Card>
        </div>
      ) : null}
      {consents.data ? (
        <Card title={t('cases.consent.history')}>
          <ConsentHistory items={consents.data.items} />
        </Card>
      ) : null}
    </>
  );
}

/** The Consent tab. */
export function CaseConsentRoute() {
  const { t } = useTranslation();
  const { record } = useCaseOutlet();
  return (
    <section aria-labelledby="case-consent-title">
      <h2 id="case-consent-title" className="visually-hidden">
        {t('cases.tab_consent')}
      </h2>
      <ConsentPanel caseId={record.id} />
    </section>
  );
}
