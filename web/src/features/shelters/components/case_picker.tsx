import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { TextField, useFieldMessage } from '@/components/field';
import { Loading } from '@/components/loading';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { looksLikeNumber, useCaseSearch, type CaseChoice } from '../api/find_cases';

interface CasePickerProps {
  value: string;
  onValueChange: (caseId: string, chosen: CaseChoice | null) => void;
  error?: string;
}

/**
 * Choosing the case to admit. With `read:case` the user searches by case number (or, with `view_pii`, by name)
 * and picks one result; a shelter manager without access to case files enters the case ID that came with the
 * referral. Either way the form sends `case_id`, and the server checks that the case is in the user's scope.
 */
export function CasePicker({ value, onValueChange, error }: CasePickerProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const message = useFieldMessage()(error);
  const id = useId();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const byName = can(me, 'view_pii') && !looksLikeNumber(submitted);
  const search = useCaseSearch(submitted, byName);
  const [chosen, setChosen] = useState<CaseChoice | null>(null);

  if (!can(me, 'read:case')) {
    return (
      <TextField
        label={t('shelters.admit.case_id')}
        name="case_id"
        value={value}
        onValueChange={(next) => onValueChange(next.trim(), null)}
        hint={t('shelters.admit.case_id_hint')}
        error={error}
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        required
      />
    );
  }

  const results = search.data ?? [];
  return (
    <fieldset
      className={`field fieldset case-picker${message ? ' field-invalid' : ''}`}
      aria-describedby={message ? `${id}-error` : undefined}
    >
      <legend className="field-label">{t('shelters.admit.case')}</legend>
      {chosen && value === chosen.id ? (
        <p className="case-chosen">
          {t('shelters.admit.chosen')} <strong dir="ltr">{chosen.cas_Number}</strong>
          {chosen.display_name ? <span dir="auto"> — {chosen.display_name}</span> : null}{' '}
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              setChosen(null);
              onValueChange('', null);
            }}
          >
            {t('shelters.admit.change_case')}
          </button>
        </p>
      ) : (
        <>
          <div className="case-search">
            <TextField
              label={
                can(me, 'view_pii')
                  ? t('shelters.admit.search_number_or_name')
                  : t('shelters.admit.search_number')
              }
              // Named like the field the server checks, so an error about the case focuses the search.
              name="case_id"
              value={text}
              onValueChange={setText}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  setSubmitted(text.trim());
                }
              }}
              hint={t('shelters.admit.search_hint')}
              autoComplete="off"
              dir="auto"
            />
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => setSubmitted(text.trim())}
            >
              {t('shelters.admit.search')}
            </button>
          </div>
          {search.isFetching ? <Loading /> : null}
          {search.isError ? <ErrorAlert error={search.error} /> : null}
          {search.isSuccess && submitted ? (
            results.length === 0 ? (
              <p className="muted" role="status">
                {t('shelters.admit.no_match')}
              </p>
            ) : (
              <ul className="case-results" aria-label={t('shelters.admit.results')}>
                {results.map((row) => (
                  <li key={row.id}>
                    <button
                      type="button"
                      className="btn btn-secondary"
                      onClick={() => {
                        setChosen(row);
                        onValueChange(row.id, row);
                      }}
                    >
                      <span dir="ltr">{row.cas_Number}</span>
                      {row.display_name ? <span dir="auto"> — {row.display_name}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </>
      )}
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
