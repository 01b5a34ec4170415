import type { TFunction } from 'i18next';

/** Age bands as the API names them, labelled in the UI language. */
export function ageBandLabel(t: TFunction, band: string | null | undefined): string {
  switch (band) {
    case '0-17':
      return t('cases.age_band_0_17');
    case '18-24':
      return t('cases.age_band_18_24');
    case '25-34':
      return t('cases.age_band_25_34');
    case '35-49':
      return t('cases.age_band_35_49');
    case '50+':
      return t('cases.age_band_50_plus');
    case 'unknown':
      return t('cases.age_band_unknown');
    case null:
    case undefined:
    case '':
      return '';
    default:
      return band;
  }
}
