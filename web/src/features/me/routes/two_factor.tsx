import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert, ErrorAlert } from '@/components/alert';
import { TextField } from '@/components/field';
import { flashState } from '@/components/flash';
import { Card, Page } from '@/components/page';
import { isApiError, type FieldErrors } from '@/lib/api';
import { paths } from '@/lib/paths';
import { useCurrentUser } from '@/lib/session';
import { focusFirstError, validate } from '@/lib/validation';
import { confirmTotpInputSchema, useConfirmTotp } from '../api/confirm_totp';
import { useCreateTotp, type TotpEnrolment } from '../api/create_totp';
import { QrCode } from '../components/qr_code';

/** Groups a base32 secret in fours, the way people copy it by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function TwoFactorRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const create = useCreateTotp();
  const enrolment = create.data;

  return (
    <Page title={t('me.totp_title')} description={t('me.totp_description')}>
      {user.totp_required ? (
        <Alert tone="warning" title={t('me.totp_required_title')}>
          {t('me.totp_required_body')}
        </Alert>
      ) : null}

      {user.totp_enabled && !enrolment ? (
        <Card>
          <Alert tone="success" title={t('me.totp_on')} />
          <p>
            <Link to={paths.profile}>{t('me.back_to_profile')}</Link>
          </p>
        </Card>
      ) : (
        <Card>
          <ol className="steps">
            <li>{t('me.totp_step_app')}</li>
            <li>{t('me.totp_step_scan')}</li>
            <li>{t('me.totp_step_code')}</li>
          </ol>
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          {enrolment ? (
            <EnrolmentForm enrolment={enrolment} />
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => create.mutate()}
              disabled={create.isPending}
            >
              {create.isPending ? t('common.loading') : t('me.totp_start')}
            </button>
          )}
        </Card>
      )}
    </Page>
  );
}

function EnrolmentForm({ enrolment }: { enrolment: TotpEnrolment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirm = useConfirmTotp();
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(confirmTotpInputSchema, { code });
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return;
    }
    setFields({});
    confirm.mutate(checked.data, {
      onSuccess: () => {
        void navigate(paths.home, { replace: true, state: flashState('me.totp_enabled_flash') });
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 422) {
          setFields({ code: 'validation.totp_wrong' });
          setCode('');
          focusFirstError(formRef.current, { code: 'x' });
        }
      },
    });
  }

  const showGeneralError =
    confirm.isError && !(isApiError(confirm.error) && confirm.error.status === 422);

  return (
    <div className="totp-enrolment">
      <div className="totp-secret-panel">
        <QrCode value={enrolment.otpauth_uri} label={t('me.totp_qr_label')} />
        <div>
          <p className="field-label" id="totp-secret-label">
            {t('me.totp_secret_label')}
          </p>
          <p className="field-hint">{t('me.totp_secret_hint')}</p>
          <code className="secret" data-testid="totp-secret" dir="ltr">
            {groupSecret(enrolment.secret)}
          </code>
        </div>
      </div>
      <form ref={formRef} className="form form-narrow" onSubmit={onSubmit} noValidate>
        {showGeneralError ? <ErrorAlert error={confirm.error} /> : null}
        <TextField
          label={t('me.totp_code')}
          name="code"
          value={code}
          onValueChange={setCode}
          error={fields.code}
          hint={t('auth.totp_hint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          required
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={confirm.isPending}>
            {confirm.isPending ? t('common.saving') : t('me.totp_confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
