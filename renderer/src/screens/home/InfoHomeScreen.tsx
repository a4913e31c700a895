import { useTranslation } from 'react-i18next';
import { RoleHome } from './RoleHome';

/** Home of the lobby information terminal (role `info`). */
export function InfoHomeScreen() {
  const { t } = useTranslation();
  const entries = (['services', 'search', 'wayfinding', 'takeAway', 'ticket'] as const).map((id) => ({
    id,
    title: t(`home.info.${id}.title`),
    text: t(`home.info.${id}.text`),
  }));
  return <RoleHome screen="home-info" title={t('roles.info')} intro={t('home.info.intro')} entries={entries} />;
}
