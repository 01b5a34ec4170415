import { useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { SelectField, TextField } from '@/components/field';
import { flashState } from '@/components/flash';
import { Card, Page } from '@/components/page';
import { isApiError, type FieldErrors } from '@/lib/api';
import { countryCodes } from '@/lib/countries';
import { countryName } from '@/lib/format';
import { paths } from '@/lib/paths';
import { focusFirstError, validate } from '@/lib/validation';
import { createOfficeInputSchema, useCreateOffice } from '../api/create_office';

export function OfficeCreateRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOffice();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [country, setCountry] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});

  const countries = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return countryCodes
      .map((value) => ({ value, label: `${countryName(value, i18n.language)} (${value})` }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [i18n.language]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(createOfficeInputSchema, { name, code, country });
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return;
    }
    setFields({});
    create.mutate(checked.data, {
      onSuccess: (office) =>
        void navigate(paths.offices, {
          state: flashState('offices.created', { name: office.name }),
        }),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length > 0) {
          setFields(error.fields);
          focusFirstError(formRef.current, error.fields);
        }
      },
    });
  }

  return (
    <Page title={t('offices.new')}>
      <Card narrow>
        <form ref={formRef} className="form form-narrow" onSubmit={onSubmit} noValidate>
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <TextField
            label={t('offices.name')}
            name="name"
            value={name}
            onValueChange={setName}
            error={fields.name}
            hint={t('offices.name_hint')}
            required
            autoFocus
          />
          <TextField
            label={t('offices.code')}
            name="code"
            value={code}
            onValueChange={(value) => setCode(value.toUpperCase())}
            error={fields.code}
            hint={t('offices.code_hint')}
            autoCapitalize="characters"
            spellCheck={false}
            dir="ltr"
            required
          />
          <SelectField
            label={t('offices.country')}
            name="country"
            value={country}
            onValueChange={setCountry}
            options={countries}
            placeholder={t('common.choose')}
            error={fields.country}
            required
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('offices.create')}
            </button>
            <Link to={paths.offices} className="btn btn-secondary">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </Card>
    </Page>
  );
}
