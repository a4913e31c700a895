import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TopBar } from '../../components/TopBar';
import { EntryPointList } from './EntryPointList';

/** Home of a self-service workstation (role `workstation`). */
export function WorkstationHomeScreen() {
  const { t } = useTranslation();
  const entries = (['onlineServices', 'eid', 'print'] as const).map((id) => ({
    id,
    title: t(`home.workstation.${id}.title`),
    text: t(`home.workstation.${id}.text`),
  }));
  return (
    <div className="screen screen--home" data-screen="home-workstation">
      <TopBar />
      <main className="home">
        <ScreenHeading>{t('roles.workstation')}</ScreenHeading>
        <p className="home__intro">{t('home.workstation.intro')}</p>
        <EntryPointList entries={entries} />
      </main>
    </div>
  );
}
