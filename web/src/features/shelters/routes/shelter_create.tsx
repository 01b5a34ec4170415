import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { flashState } from '@/components/flash';
import { Card, Page } from '@/components/page';
import { paths } from '@/lib/paths';
import { ShelterForm } from '../components/shelter_form';

export function ShelterCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Page title={t('shelters.new_title')} description={t('shelters.new_description')}>
      <Card>
        <ShelterForm
          onSaved={(saved) =>
            void navigate(paths.shelter(saved.id), {
              state: flashState('shelters.created', { name: saved.name }),
            })
          }
          onCancel={() => void navigate(paths.shelters)}
        />
      </Card>
    </Page>
  );
}
