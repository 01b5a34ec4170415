import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RadioGroup, SelectField, TextField } from '@/components/field';
import { FormActions } from '@/components/form_actions';
import { Card } from '@/components/page';
import { useCurrentUser } from '@/lib/session';
import { TextAreaField } from '@/components/text_area_field';
import { FormProblems, isIsoDate, useFormErrors, type InPlaceFormProps } from '@/features/shelters';
import {
  priorities,
  recommendationStatuses,
  useSaveRecommendation,
  type Recommendation,
  type RecommendationInput,
} from '../api/recommendations';
import type { Template } from '../api/templates';
import { assessmentOptions, itemCode } from './labels';

const schema = z.object({
  text: z.string().trim().min(1, 'validation.required').max(2000, 'validation.too_long'),
  owner_name: z.string().max(200, 'validation.too_long'),
  due_date: z.string().refine((value) => value === '' || isIsoDate(value), 'validation.date'),
});

type OwnerKind = 'me' | 'named' | 'none' | 'other_user';

interface RecommendationFormProps extends InPlaceFormProps<Recommendation> {
  assessmentId: string;
  template: Template | undefined;
  recommendation?: Recommendation;
}

/** Adding or editing a recommendation: what to do, about which standard, who owns it, by when, where it stands. */
export function RecommendationForm({
  assessmentId,
  template,
  recommendation: rec,
  onDone,
  onReload,
  reloading,
}: RecommendationFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const save = useSaveRecommendation(assessmentId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [text, setText] = useState(rec?.text ?? '');
  const [area, setArea] = useState(rec?.area ?? '');
  const [item, setItem] = useState(rec?.item ?? '');
  const initialOwner: OwnerKind = rec?.owner_user_id
    ? rec.owner_user_id === me.id
      ? 'me'
      : 'other_user'
    : rec?.owner_name
      ? 'named'
      : rec
        ? 'none'
        : 'me';
  const [owner, setOwner] = useState<OwnerKind>(initialOwner);
  const [ownerName, setOwnerName] = useState(rec?.owner_name ?? '');
  const [priority, setPriority] = useState(rec?.priority ?? 'medium');
  const [dueDate, setDueDate] = useState(rec?.due_date ?? '');
  const [status, setStatus] = useState(rec?.status ?? 'open');
  const areas = template?.areas ?? [];
  const items = areas.find((a) => a.key === area)?.items ?? [];

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = errors.check(
      owner === 'named'
        ? schema.extend({
            owner_name: z
              .string()
              .trim()
              .min(1, 'validation.required')
              .max(200, 'validation.too_long'),
          })
        : schema,
      { text, owner_name: ownerName, due_date: dueDate },
    );
    if (!checked) return;
    const input: RecommendationInput = {
      text: checked.text,
      priority,
      status,
      area: area || null,
      item: area && item ? item : null,
      due_date: checked.due_date || null,
    };
    if (owner === 'me') {
      input.owner_user_id = me.id;
      input.owner_name = null;
    } else if (owner === 'named') {
      input.owner_user_id = null;
      input.owner_name = checked.owner_name.trim();
    } else if (owner === 'none') {
      input.owner_user_id = null;
      input.owner_name = null;
    }
    // A new record: leave out what is empty rather than clearing it.
    const body: RecommendationInput = rec
      ? input
      : Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
    save.mutate(
      { id: rec?.id, version: rec?.version, input: body },
      { onSuccess: onDone, onError: errors.onServerError },
    );
  }

  const labels: Record<string, string> = {
    text: t('assessments.rec.text'),
    area: t('assessments.rec.area'),
    item: t('assessments.rec.item'),
    owner_user_id: t('assessments.rec.owner'),
    owner_name: t('assessments.rec.owner_name'),
    priority: t('assessments.rec.priority'),
    due_date: t('assessments.rec.due_date'),
    status: t('assessments.rec.status'),
  };
  const ownerOptions = [
    { value: 'me', label: t('assessments.rec.owner_me') },
    { value: 'named', label: t('assessments.rec.owner_named') },
    { value: 'none', label: t('assessments.rec.owner_none') },
    ...(initialOwner === 'other_user'
      ? [{ value: 'other_user', label: t('assessments.rec.owner_keep') }]
      : []),
  ];

  return (
    <Card title={rec ? t('assessments.rec.edit_title') : t('assessments.rec.add')}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormProblems
          formRef={formRef}
          error={save.error}
          fields={errors.fields}
          labelOf={(key) => labels[key] ?? key}
          onReload={onReload}
          reloading={reloading}
          version={rec?.version}
        />
        <TextAreaField
          label={labels.text}
          name="text"
          value={text}
          onValueChange={setText}
          hint={t('assessments.rec.text_hint')}
          error={errors.fields.text}
          rows={3}
          required
        />
        <div className="form-grid">
          <SelectField
            label={labels.area}
            name="area"
            value={area}
            onValueChange={(value) => {
              setArea(value);
              setItem('');
            }}
            options={areas.map((a) => ({ value: a.key, label: a.title }))}
            placeholder={t('assessments.rec.no_area')}
            error={errors.fields.area}
          />
          {area ? (
            <SelectField
              label={labels.item}
              name="item"
              value={item}
              onValueChange={setItem}
              options={items.map((i) => ({
                value: i.key,
                label: `${itemCode(i.key)} — ${i.statement.length > 70 ? `${i.statement.slice(0, 69)}…` : i.statement}`,
              }))}
              placeholder={t('assessments.rec.no_item')}
              error={errors.fields.item}
            />
          ) : null}
          <SelectField
            label={labels.priority}
            name="priority"
            value={priority}
            onValueChange={setPriority}
            options={assessmentOptions(t, 'priority', priorities)}
            error={errors.fields.priority}
            required
          />
          <TextField
            label={labels.due_date}
            name="due_date"
            type="date"
            value={dueDate}
            onValueChange={setDueDate}
            error={errors.fields.due_date}
          />
          <SelectField
            label={labels.status}
            name="status"
            value={status}
            onValueChange={setStatus}
            options={assessmentOptions(t, 'recommendationStatus', recommendationStatuses)}
            error={errors.fields.status}
            required
          />
        </div>
        <RadioGroup
          legend={labels.owner_user_id}
          name="owner_user_id"
          options={ownerOptions}
          value={owner}
          onValueChange={(value) => setOwner(value as OwnerKind)}
          error={errors.fields.owner_user_id}
        />
        {owner === 'named' ? (
          <TextField
            label={labels.owner_name}
            name="owner_name"
            value={ownerName}
            onValueChange={setOwnerName}
            hint={t('assessments.rec.owner_name_hint')}
            error={errors.fields.owner_name}
            autoComplete="off"
            dir="auto"
            required
          />
        ) : null}
        <FormActions
          pending={save.isPending}
          submitLabel={rec ? t('common.save') : t('assessments.rec.submit')}
          onCancel={() => onDone(null)}
        />
      </form>
    </Card>
  );
}
