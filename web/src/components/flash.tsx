import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Alert } from './alert';

/** A one-off confirmation carried in the navigation state, e.g. after saving and returning to a list. */
export interface FlashState {
  flash?: { key: string; values?: Record<string, string> };
}

export function flashState(key: string, values?: Record<string, string>): FlashState {
  return { flash: { key, values } };
}

export function Flash() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = (location.state as FlashState | null)?.flash;
  if (!flash) return null;
  return <Alert tone="success" title={t(flash.key, flash.values)} />;
}
