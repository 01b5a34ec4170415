/** Locale-aware formatting. Latin digits everywhere so ids, codes and numbers read the same in every language. */
function locale(language: string): string {
  return `${language}-u-nu-latn`;
}

export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function countryName(code: string, language: string): string {
  try {
    return (
      new Intl.DisplayNames([locale(language)], { type: 'region' }).of(code.toUpperCase()) ?? code
    );
  } catch {
    return code;
  }
}

/** A calendar date (`YYYY-MM-DD`, or the date part of a timestamp), shown in the UI language without a time zone shift. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([locale(language)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
