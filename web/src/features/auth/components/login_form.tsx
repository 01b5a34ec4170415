import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { TextField } from '@/components/field';
import { isApiError, type FieldErrors } from '@/lib/api';
import { minutesFromSeconds } from '@/lib/errors';
import { focusFirstError, validate } from '@/lib/validation';
import { loginInputSchema, useLogin } from '../api/create_session';

type Step = 'password' | 'totp';

export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const formRef = useRef<HTMLFormElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});

  useEffect(() => {
    if (step === 'totp') totpRef.current?.focus();
  }, [step]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(loginInputSchema, {
      username,
      password,
      totp: step === 'totp' ? totp : undefined,
    });
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return;
    }
    setFields({});
    login.mutate(checked.data, {
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.status === 401 && error.code === 'totp_required') {
          setStep('totp');
          login.reset();
        } else if (error.status === 401 && step === 'password') {
          setPassword('');
        } else if (error.status === 401) {
          setTotp('');
          totpRef.current?.focus();
        } else if (error.status === 422) {
          setFields(error.fields);
          focusFirstError(formRef.current, error.fields);
        }
      },
    });
  }

  function restart() {
    setStep('password');
    setTotp('');
    setPassword('');
    setFields({});
    login.reset();
  }

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <LoginError error={login.error} step={step} />

      {step === 'password' ? (
        <>
          <TextField
            label={t('auth.username')}
            name="username"
            value={username}
            onValueChange={setUsername}
            error={fields.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            value={password}
            onValueChange={setPassword}
            error={fields.password}
            autoComplete="current-password"
            required
          />
        </>
      ) : (
        <>
          <p className="form-intro">{t('auth.totp_intro')}</p>
          <TextField
            ref={totpRef}
            label={t('auth.totp_code')}
            name="totp"
            value={totp}
            onValueChange={setTotp}
            error={fields.totp}
            hint={t('auth.totp_hint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
            required
          />
        </>
      )}

      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
          {login.isPending
            ? t('auth.signing_in')
            : step === 'totp'
              ? t('auth.verify')
              : t('auth.sign_in')}
        </button>
        {step === 'totp' ? (
          <button type="button" className="btn btn-link" onClick={restart}>
            {t('auth.use_other_account')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function LoginError({ error, step }: { error: unknown; step: Step }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error)) {
    if (error.status === 429) {
      const minutes = minutesFromSeconds(error.retryAfterSeconds);
      return (
        <Alert tone="error" title={t('auth.locked_title')}>
          {t('auth.locked', { count: minutes })}
        </Alert>
      );
    }
    if (error.status === 401) {
      return (
        <Alert
          tone="error"
          title={step === 'totp' ? t('auth.invalid_code') : t('auth.invalid_credentials')}
        />
      );
    }
    if (error.status === 422) return <Alert tone="error" title={t('errors.invalid_argument')} />;
  }
  return <ErrorAlert error={error} />;
}
