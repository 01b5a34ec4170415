import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { SelectField, TextField } from '@/components/field';
import { flashState } from '@/components/flash';
import { Card, Page } from '@/components/page';
import { paths } from '@/lib/paths';
import {
  FormProblems,
  isIsoDate,
  todayIso,
  useAllShelters,
  useFormErrors,
} from '@/features/shelters';
import { useCreateAssessment } from '../api/assessments';
import { DEFAULT_TEMPLATE, useTemplates } from '../api/templates';

const schema = z.object({
  shelter_id: z.string().min(1, 'validation.required'),
  template: z.string().min(1, 'validation.required'),
  assessed_on: z.string().refine(isIsoDate, 'validation.date'),
});

/** Starting an assessment: which shelter, against which standard (its latest version), on which day. */
export function AssessmentCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const shelters = useAllShelters();
  const templates = useTemplates();
  const create = useCreateAssessment();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [shelterId, setShelterId] = useState(params.get('shelter') ?? '');
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const latest = (templates.data ?? []).filter((summary) => summary.latest);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = errors.check(schema, {
      shelter_id: shelterId,
      template,
      assessed_on: assessedOn,
    });
    if (!checked) return;
    create.mutate(
      {
        shelter_id: checked.shelter_id,
        template_id: checked.template,
        assessed_on: checked.assessed_on,
      },
      {
        onSuccess: (created) =>
          void navigate(paths.assessment(created.id), {
            state: flashState('assessments.started'),
          }),
        onError: errors.onServerError,
      },
    );
  }

  const labels: Record<string, string> = {
    shelter_id: t('assessments.field.shelter'),
    template: t('assessments.field.template'),
    template_id: t('assessments.field.template'),
    template_version: t('assessments.field.template'),
    assessed_on: t('assessments.field.assessed_on'),
  };

  return (
    <Page title={t('assessments.new_title')} description={t('assessments.new_description')}>
      <Card narrow>
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
          <FormProblems
            formRef={formRef}
            error={create.error}
            fields={errors.fields}
            labelOf={(key) => labels[key] ?? key}
          />
          <SelectField
            label={labels.shelter_id}
            name="shelter_id"
            value={shelterId}
            onValueChange={setShelterId}
            options={(shelters.data ?? []).map((shelter) => ({
              value: shelter.id,
              label: shelter.name,
            }))}
            placeholder={shelters.isPending ? t('common.loading') : t('common.choose')}
            error={errors.fields.shelter_id}
            required
          />
          <SelectField
            label={labels.template}
            name="template"
            value={template}
            onValueChange={setTemplate}
            options={
              latest.length > 0
                ? latest.map((summary) => ({
                    value: summary.id,
                    label: t('assessments.template_option', {
                      title: summary.title,
                      version: summary.version,
                    }),
                  }))
                : [{ value: DEFAULT_TEMPLATE, label: DEFAULT_TEMPLATE }]
            }
            hint={t('assessments.template_hint')}
            error={errors.fields.template ?? errors.fields.template_id}
            required
          />
          <TextField
            label={labels.assessed_on}
            name="assessed_on"
            type="date"
            value={assessedOn}
            onValueChange={setAssessedOn}
            error={errors.fields.assessed_on}
            required
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('assessments.start')}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void navigate(paths.assessments)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Card>
    </Page>
  );
}
