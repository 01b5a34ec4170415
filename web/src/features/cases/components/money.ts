/** Amounts and currencies: ISO 4217 codes, named by the browser in the UI language where it can. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../api/get_vocabulary';

function locale(language: string): string {
  return `${language}-u-nu-latn`;
}

export function currencyName(code: string, language: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([locale(language)], { type: 'currency' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/** "120.50 MYR" in the UI's conventions (Latin digits), or the bare number for an unknown code. */
export function formatMoney(amount: number, currency: string | null | undefined, language: string) {
  if (!currency) return String(amount);
  try {
    return new Intl.NumberFormat(locale(language), {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      maximumFractionDigits: 3,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The server's ISO 4217 list as options "MYR — Malaysian ringgit", sorted by code. */
export function useCurrencyOptions() {
  const { i18n } = useTranslation();
  const query = useVocabulary('iso_currencies');
  const options = useMemo(
    () =>
      (query.data?.values ?? []).map((item) => ({
        value: item.name,
        label: `${item.name} — ${currencyName(item.name, i18n.language) ?? item.label}`,
      })),
    [query.data, i18n.language],
  );
  return { options, isPending: query.isPending };
}

/** A cost typed by a person: "120.5" or "120,5"; anything else (or more than 3 decimals) is NaN. */
export function parseCost(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d{1,3})?$/.test(trimmed) ? Number(trimmed) : NaN;
}
