import { useTranslation } from 'react-i18next';

export type ProgressState = 'done' | 'visited' | 'current' | 'upcoming';

export interface ProgressStep {
  id: string;
  /** i18n key of the step's title. */
  titleKey: string;
  state: ProgressState;
  /** Offered for visited steps the user may go back to. */
  onSelect?: () => void;
}

/**
 * The steps of the new-case wizard as a numbered list: registration happens in the browser until the case is
 * registered; screening, decision and consent are then saved one by one against the new case.
 */
export function WizardProgress({ steps }: { steps: readonly ProgressStep[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('cases.wizard.progress')}>
      <ol className="wizard-steps">
        {steps.map((step, index) => {
          const label = t(step.titleKey);
          const number = <span className="wizard-step-number">{index + 1}</span>;
          return (
            <li key={step.id} className={`wizard-step wizard-step-${step.state}`}>
              {step.state === 'visited' && step.onSelect ? (
                <button type="button" className="wizard-step-link" onClick={step.onSelect}>
                  {number}
                  {label}
                </button>
              ) : (
                <span aria-current={step.state === 'current' ? 'step' : undefined}>
                  {number}
                  {label}
                  {step.state === 'done' ? (
                    <span className="visually-hidden"> ({t('cases.wizard.done')})</span>
                  ) : null}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
