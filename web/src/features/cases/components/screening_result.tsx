import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { formatDateTime } from '@/lib/format';
import { findSet, useIndicatorSets, type IndicatorSet } from '../api/get_indicator_sets';
import type { Screening } from '../api/get_screenings';
import { FieldValue } from './case_summary';
import { usePeople } from './people';
import { StrengthBadge } from './screening_form';
import { valueLabel } from './value_labels';
import { useVocabularyOptions } from './vocabulary';

/** The set a screening used, when the list of sets has it (it keeps every version). */
export function useScreeningSet(screening: Screening): IndicatorSet | undefined {
  const sets = useIndicatorSets();
  return findSet(sets.data, screening.indicator_set, screening.indicator_set_version);
}

/**
 * What the server computed from the indicators: the suggestion, the rule behind it, and for each of the six
 * dimensions the counts and the indicators that made it positive. A suggestion, never a decision.
 */
export function ScreeningResult({ screening }: { screening: Screening }) {
  const { t } = useTranslation();
  const set = useScreeningSet(screening);
  const byId = new Map((set?.indicators ?? []).map((indicator) => [indicator.id, indicator]));
  const rule =
    set?.population === 'child' ? t('cases.screening.rule_child') : t('cases.screening.rule_adult');

  return (
    <section className="screening-result" aria-label={t('cases.screening.result')}>
      <Alert
        tone="info"
        title={
          screening.suggested_victim
            ? t('cases.screening.suggested_yes')
            : t('cases.screening.suggested_no')
        }
      >
        <p>{set ? rule : null}</p>
        <p>{t('cases.screening.only_a_suggestion')}</p>
      </Alert>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('cases.screening.result')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.screening.dimension')}</th>
              <th scope="col" className="numeric">
                {t('cases.screening.strength_strong')}
              </th>
              <th scope="col" className="numeric">
                {t('cases.screening.strength_medium')}
              </th>
              <th scope="col" className="numeric">
                {t('cases.screening.strength_weak')}
              </th>
              <th scope="col">{t('cases.screening.dimension_result')}</th>
              <th scope="col">{t('cases.screening.driving_indicators')}</th>
            </tr>
          </thead>
          <tbody>
            {screening.dimensions.map((dimension) => (
              <tr key={dimension.dimension}>
                <th scope="row" className="row-header">
                  {valueLabel(t, 'dimension', dimension.dimension)}
                </th>
                <td className="numeric">{dimension.strong}</td>
                <td className="numeric">{dimension.medium}</td>
                <td className="numeric">{dimension.weak}</td>
                <td>
                  {dimension.positive ? (
                    <Badge tone="warn">{t('cases.screening.positive')}</Badge>
                  ) : (
                    <Badge>{t('cases.screening.not_positive')}</Badge>
                  )}
                </td>
                <td>
                  {dimension.indicators.length === 0 ? (
                    <span className="muted">{t('cases.screening.none_observed')}</span>
                  ) : (
                    <ul className="plain-list">
                      {dimension.indicators.map((id) => {
                        const indicator = byId.get(id);
                        return (
                          <li key={id}>
                            <span lang="en" dir="ltr">
                              {indicator?.text ?? id}
                            </span>{' '}
                            {indicator ? <StrengthBadge strength={indicator.strength} /> : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {screening.explanation.length > 0 ? (
        <details className="details">
          <summary>{t('cases.screening.explanation')}</summary>
          <ul lang="en" dir="ltr">
            {screening.explanation.map((sentence, index) => (
              <li key={index}>{sentence}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The recorded decision: what, by whom, when and why (the justification is personal). */
export function DecisionSummary({ screening }: { screening: Screening }) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const status = useVocabularyOptions('vic_TraffickingStatus');
  const decision = screening.decision;
  if (!decision) return null;
  return (
    <dl className="summary">
      <div>
        <dt>{t('cases.screening.decision')}</dt>
        <dd>{status.label(decision.decision)}</dd>
      </div>
      <div>
        <dt>{t('cases.screening.decided_by')}</dt>
        <dd>
          {people.name(decision.decided_by)} · {formatDateTime(decision.decided_at, i18n.language)}
        </dd>
      </div>
      <div className="summary-wide">
        <dt>{t('cases.screening.justification')}</dt>
        <dd className="prewrap" dir="auto">
          <FieldValue value={decision.justification} hidden={!people.me.view_pii} />
        </dd>
      </div>
    </dl>
  );
}
