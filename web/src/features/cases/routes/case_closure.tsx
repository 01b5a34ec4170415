import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { CheckboxField } from '@/components/field';
import { Card } from '@/components/page';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { closureInputSchemas, useClosureStep, type ClosureStep } from '../api/closure';
import type { Case } from '../api/get_case';
import { FieldValue } from '../components/case_summary';
import { FormProblems, useFormErrors } from '../components/form_errors';
import { usePeople } from '../components/people';
import { TextAreaField } from '@/components/text_area_field';
import { valueLabel } from '../components/value_labels';
import { useVocabularyOptions } from '../components/vocabulary';
import { useCaseOutlet } from './case_layout';

const OPEN_STATUSES = ['Active', 'FollowUp'];
const CLOSED_STATUSES = ['Closed', 'ClosedReferred'];

/** What each step's form asks and says. Keys are literal for the i18n check. */
const stepText = {
  request: {
    title: 'cases.closure.request_title',
    field: 'reason',
    label: 'cases.closure.reason',
    hint: 'cases.closure.reason_hint',
    submit: 'cases.closure.request_submit',
    done: 'cases.closure.requested',
  },
  approve: {
    title: 'cases.closure.approve_title',
    field: 'comment',
    label: 'cases.closure.comment',
    hint: 'cases.closure.approve_hint',
    submit: 'cases.closure.approve_submit',
    done: 'cases.closure.approved',
  },
  reject: {
    title: 'cases.closure.reject_title',
    field: 'comment',
    label: 'cases.closure.comment',
    hint: 'cases.closure.reject_hint',
    submit: 'cases.closure.reject_submit',
    done: 'cases.closure.rejected',
  },
  reopen: {
    title: 'cases.closure.reopen_title',
    field: 'reason',
    label: 'cases.closure.reopen_reason',
    hint: 'cases.closure.reopen_hint',
    submit: 'cases.closure.reopen_submit',
    done: 'cases.closure.reopened',
  },
} as const;

interface StepFormProps {
  step: ClosureStep;
  record: Case;
  onDone: (step: ClosureStep) => void;
  onReload: () => void;
  reloading: boolean;
}

/** One step of the closure workflow: its text (reason or comment) and, for an approval, "referred". */
function ClosureStepForm({ step, record, onDone, onReload, reloading }: StepFormProps) {
  const { t } = useTranslation();
  const mutation = useClosureStep(record.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [text, setText] = useState('');
  const [referred, setReferred] = useState(false);
  const copy = stepText[step];
  const required = step !== 'approve';

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const value =
      step === 'approve'
        ? { ...(text.trim() ? { comment: text } : {}), ...(referred ? { referred } : {}) }
        : { [copy.field]: text };
    const input = errors.check(closureInputSchemas[step], value);
    if (!input) return;
    mutation.mutate(
      { step, version: record.version, input },
      { onSuccess: () => onDone(step), onError: errors.onServerError },
    );
  }

  return (
    <Card title={t(copy.title)}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormProblems
          formRef={formRef}
          error={mutation.error}
          fields={errors.fields}
          labels={{ [copy.field]: t(copy.label) }}
          onReload={onReload}
          reloading={reloading}
          version={record.version}
        />
        <TextAreaField
          label={t(copy.label)}
          name={copy.field}
          value={text}
          onValueChange={setText}
          hint={t(copy.hint)}
          error={errors.fields[copy.field]}
          required={required}
        />
        {step === 'approve' ? (
          <CheckboxField
            label={t('cases.closure.referred')}
            hint={t('cases.closure.referred_hint')}
            name="referred"
            checked={referred}
            onCheckedChange={setReferred}
          />
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className={step === 'reject' ? 'btn btn-secondary' : 'btn btn-primary'}
            disabled={mutation.isPending}
          >
            {mutation.isPending ? t('common.saving') : t(copy.submit)}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** Where the closure stands: who asked and why, who decided, and a reopening. */
function ClosureSummary({ record }: { record: Case }) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const status = useVocabularyOptions('cas_Status');
  const closure = record.closure;
  const hidden = !people.me.view_pii;
  return (
    <dl className="summary">
      <div>
        <dt>{t('cases.field.status')}</dt>
        <dd>{status.label(record.cas_Status)}</dd>
      </div>
      <div>
        <dt>{t('cases.closure.state')}</dt>
        <dd>
          {closure ? (
            <Badge tone={closure.state === 'requested' ? 'warn' : 'neutral'}>
              {valueLabel(t, 'closureState', closure.state)}
            </Badge>
          ) : (
            <span className="muted">{t('cases.closure.none')}</span>
          )}
        </dd>
      </div>
      {closure?.requested_by ? (
        <div>
          <dt>{t('cases.closure.requested_by')}</dt>
          <dd>
            {people.name(closure.requested_by)} ·{' '}
            {formatDateTime(closure.requested_at, i18n.language)}
          </dd>
        </div>
      ) : null}
      {closure?.state === 'requested' || closure?.state === 'approved' ? (
        <div className="summary-wide">
          <dt>{t('cases.field.reason_for_closure')}</dt>
          <dd className="prewrap" dir="auto">
            <FieldValue value={record.cas_ReasonForCaseClosure} hidden={hidden} />
          </dd>
        </div>
      ) : null}
      {closure?.decided_by ? (
        <div>
          <dt>{t('cases.closure.decided_by')}</dt>
          <dd>
            {people.name(closure.decided_by)} · {formatDateTime(closure.decided_at, i18n.language)}
          </dd>
        </div>
      ) : null}
      {closure?.decided_by ? (
        <div className="summary-wide">
          <dt>{t('cases.closure.comment')}</dt>
          <dd className="prewrap" dir="auto">
            <FieldValue value={closure.comment} hidden={hidden} />
          </dd>
        </div>
      ) : null}
      {closure?.state === 'reopened' && closure.reopened_by ? (
        <>
          <div>
            <dt>{t('cases.closure.reopened_by')}</dt>
            <dd>
              {people.name(closure.reopened_by)} ·{' '}
              {formatDateTime(closure.reopened_at, i18n.language)}
            </dd>
          </div>
          <div className="summary-wide">
            <dt>{t('cases.closure.reopen_reason')}</dt>
            <dd className="prewrap" dir="auto">
              <FieldValue value={closure.reopen_reason} hidden={hidden} />
            </dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}

/** The Closure tab: a caseworker asks to close, another person with `approve:case` decides, and reopening. */
export function CaseClosureRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { record, reload, reloading } = useCaseOutlet();
  const [done, setDone] = useState<{ step: ClosureStep; version: number } | null>(null);
  const pending = record.closure?.state === 'requested';
  const steps: ClosureStep[] = [];
  if (can(me, 'update:case') && OPEN_STATUSES.includes(record.cas_Status) && !pending)
    steps.push('request');
  const ownRequest = pending && record.closure?.requested_by === me.id;
  if (can(me, 'approve:case') && pending && !ownRequest) steps.push('approve', 'reject');
  if (can(me, 'update:case') && CLOSED_STATUSES.includes(record.cas_Status)) steps.push('reopen');
  const formProps = {
    record,
    onDone: (step: ClosureStep) => setDone({ step, version: record.version + 1 }),
    onReload: reload,
    reloading,
  };

  return (
    <section aria-labelledby="case-closure-title">
      <h2 id="case-closure-title" className="visually-hidden">
        {t('cases.tab_closure')}
      </h2>
      {done && done.version === record.version ? (
        <Alert tone="success" title={t(stepText[done.step].done)} />
      ) : null}
      <Card title={t('cases.tab_closure')}>
        <ClosureSummary record={record} />
      </Card>
      {/* The pending request itself is announced above the tabs, on every tab. */}
      {ownRequest && can(me, 'approve:case') ? (
        <Alert tone="info" title={t('cases.closure.own_request')} />
      ) : null}
      {/* Keyed by version: after a step, the next step's form starts empty. */}
      {steps.map((step) => (
        <ClosureStepForm key={`${step}:${record.version}`} step={step} {...formProps} />
      ))}
    </section>
  );
}
