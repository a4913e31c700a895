import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TopBar } from '../../components/TopBar';
import { EntryPointList } from './EntryPointList';

/** Home of the lobby information terminal (role `info`). */
export function InfoHomeScreen() {
  const { t } = useTranslation();
  const entries = (['services', 'search', 'wayfinding', 'takeAway', 'ticket'] as const).map((id) => ({
    id,
    title: t(`home.info.${id}.title`),
    text: t(`home.info.${id}.text`),
  }));
  return (
    <div className="screen screen--home" data-screen="home-info">
      <TopBar />
      <main className="home">
        <ScreenHeading>{t('roles.info')}</ScreenHeading>
        <p className="home__intro">{t('home.info.intro')}</p>
        <EntryPointList entries={entries} />
      </main>
    </div>
  );
}
