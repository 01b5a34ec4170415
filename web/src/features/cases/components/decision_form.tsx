import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionInputSchema, useDecideScreening } from '../api/decide_screening';
import type { Case } from '../api/get_case';
import type { Screening } from '../api/get_screenings';
import { FormProblems, useFormErrors } from './form_errors';
import { TextAreaField } from '@/components/text_area_field';
import { VocabularySelect } from './vocabulary';

interface DecisionFormProps {
  record: Case;
  screening: Screening;
  onDecided?: (screening: Screening) => void;
  /** Reads the case again after a conflict. */
  onReload: () => void;
  reloading: boolean;
}

/**
 * The identification decision on a screening: the trafficking status the caseworker decides and why. Nothing
 * is chosen in advance, whatever the suggestion. It carries the case's version, like any change to the case.
 */
export function DecisionForm({
  record,
  screening,
  onDecided,
  onReload,
  reloading,
}: DecisionFormProps) {
  const { t } = useTranslation();
  const decide = useDecideScreening(record.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [decision, setDecision] = useState('');
  const [justification, setJustification] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = errors.check(decisionInputSchema, {
      decision,
      justification,
      version: record.version,
    });
    if (!input) return;
    decide.mutate(
      { ...input, screeningId: screening.id },
      { onSuccess: (decided) => onDecided?.(decided), onError: errors.onServerError },
    );
  }

  const labels = {
    decision: t('cases.screening.decision'),
    justification: t('cases.screening.justification'),
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormProblems
        formRef={formRef}
        error={decide.error}
        fields={errors.fields}
        labels={labels}
        onReload={onReload}
        reloading={reloading}
        version={record.version}
      />
      <VocabularySelect
        vocabulary="vic_TraffickingStatus"
        label={labels.decision}
        name="decision"
        value={decision}
        onValueChange={setDecision}
        error={errors.fields.decision}
        hint={t('cases.screening.decision_hint')}
        required
      />
      <TextAreaField
        label={labels.justification}
        name="justification"
        value={justification}
        onValueChange={setJustification}
        error={errors.fields.justification}
        hint={t('cases.screening.justification_hint')}
        required
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={decide.isPending}>
          {decide.isPending ? t('common.saving') : t('cases.screening.record_decision')}
        </button>
      </div>
    </form>
  );
}
