import { useTranslation } from 'react-i18next';
import { RoleHome } from './RoleHome';

/** The tiles of this home, in reading order. */
export const workstationHomeTiles = ['onlineServices', 'eid', 'print'] as const;

/** Home of a self-service workstation (role `workstation`). */
export function WorkstationHomeScreen() {
  const { t } = useTranslation();
  const entries = workstationHomeTiles.map((id) => ({
    id,
    title: t(`home.workstation.tiles.${id}.title`),
    text: t(`home.workstation.tiles.${id}.text`),
  }));
  return <RoleHome screen="home-workstation" title={t('roles.workstation')} intro={t('home.workstation.intro')} entries={entries} />;
}
