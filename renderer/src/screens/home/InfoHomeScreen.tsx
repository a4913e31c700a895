import { useTranslation } from 'react-i18next';
import { RoleHome } from './RoleHome';

/** The tiles of this home, in reading order. */
export const infoHomeTiles = ['services', 'search', 'wayfinding', 'takeAway', 'ticket'] as const;

/** Home of the lobby information terminal (role `info`). */
export function InfoHomeScreen() {
  const { t } = useTranslation();
  const entries = infoHomeTiles.map((id) => ({
    id,
    title: t(`home.info.tiles.${id}.title`),
    text: t(`home.info.tiles.${id}.text`),
  }));
  return <RoleHome screen="home-info" title={t('roles.info')} intro={t('home.info.intro')} entries={entries} />;
}
