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
