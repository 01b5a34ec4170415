import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import type { Shelter } from '../api/get_shelters';
import { orderedPopulations, shelterValueLabel } from './vocab';

/** Beds taken against beds available, per population the shelter serves (and any other with residents). */
export function OccupancyList({ shelter }: { shelter: Shelter }) {
  const { t } = useTranslation();
  const current = shelter.occupancy?.current ?? {};
  const keys = orderedPopulations(shelter.capacity, current);
  return (
    <ul className="occupancy-list">
      {keys.map((population) => {
        const beds = shelter.capacity[population] ?? 0;
        const taken = current[population] ?? 0;
        const label = shelterValueLabel(t, 'population', population);
        return (
          <li key={population}>
            <span className="occupancy-label">{label}</span>{' '}
            <span className="numeric" dir="ltr">
              {t('shelters.occupancy.of', { current: taken, capacity: beds })}
            </span>
            <meter
              className="occupancy-meter"
              min={0}
              max={Math.max(beds, taken, 1)}
              high={Math.max(beds, 1) - 0.5}
              optimum={0}
              value={taken}
              aria-label={t('shelters.occupancy.meter_label', {
                population: label,
                current: taken,
                capacity: beds,
              })}
            />
            {taken > beds ? <Badge tone="bad">{t('shelters.occupancy.over')}</Badge> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function statusTone(status: string): 'good' | 'warn' | 'neutral' {
  if (status === 'open') return 'good';
  if (status === 'suspended') return 'warn';
  return 'neutral';
}
