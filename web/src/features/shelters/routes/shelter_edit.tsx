import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { flashState } from '@/components/flash';
import { Card } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { ShelterForm } from '../components/shelter_form';
import { shelterPaths } from '../components/shelter_paths';
import { useShelterOutlet } from './shelter_layout';

/** Editing a shelter with the version read; a reload after a conflict restarts the form from the new one. */
export function ShelterEditRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { shelter, reload, reloading } = useShelterOutlet();
  if (!can(me, 'update:shelter')) {
    return <Alert tone="warning" title={t('errors.permission_denied')} />;
  }
  return (
    <Card title={t('shelters.edit_title')}>
      <ShelterForm
        key={shelter.version}
        shelter={shelter}
        onSaved={() =>
          void navigate(shelterPaths.tab(shelter.id, 'overview'), {
            state: flashState('common.saved'),
          })
        }
        onCancel={() => void navigate(shelterPaths.tab(shelter.id, 'overview'))}
        onReload={reload}
        reloading={reloading}
      />
    </Card>
  );
}
