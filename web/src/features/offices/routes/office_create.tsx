import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreatePage, useCreateForm } from '@/components/create_page';
import { SelectField, TextField } from '@/components/field';
import { flashState } from '@/components/flash';
import { countryCodes } from '@/lib/countries';
import { countryName } from '@/lib/format';
import { paths } from '@/lib/paths';
import { createOfficeInputSchema, useCreateOffice } from '../api/create_office';

export function OfficeCreateRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOffice();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useCreateForm(
    formRef,
    create,
    createOfficeInputSchema,
    (office) =>
      void navigate(paths.offices, { state: flashState('offices.created', { name: office.name }) }),
  );
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [country, setCountry] = useState('');

  const countries = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return countryCodes
      .map((value) => ({ value, label: `${countryName(value, i18n.language)} (${value})` }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [i18n.language]);

  return (
    <CreatePage
      title={t('offices.new')}
      formRef={formRef}
      mutation={create}
      onSubmit={() => form.submit({ name, code, country })}
      submitLabel={t('offices.create')}
      cancelTo={paths.offices}
    >
      <TextField
        label={t('offices.name')}
        name="name"
        value={name}
        onValueChange={setName}
        error={form.fields.name}
        hint={t('offices.name_hint')}
        required
        autoFocus
      />
      <TextField
        label={t('offices.code')}
        name="code"
        value={code}
        onValueChange={(value) => setCode(value.toUpperCase())}
        error={form.fields.code}
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
        error={form.fields.country}
        required
      />
    </CreatePage>
  );
}
