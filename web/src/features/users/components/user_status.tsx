import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import { formatDateTime } from '@/lib/format';
import type { User } from '@/lib/schemas';

export function isLocked(user: User, now = Date.now()): boolean {
  return !!user.locked_until && Date.parse(user.locked_until) > now;
}

export function UserStatus({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  if (user.disabled) return <Badge tone="bad">{t('users.status_disabled')}</Badge>;
  if (isLocked(user)) {
    return (
      <Badge tone="warn">
        {t('users.status_locked', { time: formatDateTime(user.locked_until, i18n.language) })}
      </Badge>
    );
  }
  return <Badge tone="good">{t('users.status_active')}</Badge>;
}

export function TwoFactorStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.totp_enabled) return <Badge tone="good">{t('users.totp_on')}</Badge>;
  if (user.totp_required) return <Badge tone="warn">{t('users.totp_pending')}</Badge>;
  return <Badge>{t('users.totp_off')}</Badge>;
}
