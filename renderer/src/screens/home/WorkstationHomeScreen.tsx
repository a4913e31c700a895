import { useTranslation } from 'react-i18next';
import { RoleHome } from './RoleHome';

/** Home of a self-service workstation (role `workstation`). */
export function WorkstationHomeScreen() {
  const { t } = useTranslation();
  const entries = (['onlineServices', 'eid', 'print'] as const).map((id) => ({
    id,
    title: t(`home.workstation.${id}.title`),
    text: t(`home.workstation.${id}.text`),
  }));
  return <RoleHome screen="home-workstation" title={t('roles.workstation')} intro={t('home.workstation.intro')} entries={entries} />;
}
