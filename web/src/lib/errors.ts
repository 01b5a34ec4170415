import type { TFunction } from 'i18next';
import { isApiError, type FieldErrors } from './api';

/** The one sentence shown for a failed call. Field-level detail goes next to the fields instead. */
export function describeError(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unexpected');
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'permission_denied':
      return t('errors.permission_denied');
    case 'csrf':
      return t('errors.csrf');
    case 'not_found':
      return t('errors.not_found');
    case 'conflict':
      return error.isStaleVersion ? t('errors.stale_version') : t('errors.duplicate');
    case 'payload_too_large':
      return t('errors.payload_too_large');
    case 'invalid_argument':
      return t('errors.invalid_argument');
    case 'invalid_json':
    case 'invalid_response':
      return t('errors.invalid_response');
    case 'too_many_attempts':
      return t('errors.too_many_attempts');
    case 'totp_enrolment_required':
      return t('errors.totp_enrolment_required');
    default:
      return t('errors.server', { status: error.status });
  }
}

export function fieldErrorsOf(error: unknown): FieldErrors {
  return isApiError(error) ? error.fields : {};
}

/** Whole minutes from a Retry-After in seconds, rounded up so a user never retries too early. */
export function minutesFromSeconds(seconds: number | null, fallbackMinutes = 15): number {
  if (seconds === null) return fallbackMinutes;
  return Math.max(1, Math.ceil(seconds / 60));
}
