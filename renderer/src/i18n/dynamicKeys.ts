/**
 * Key groups the UI picks by a value at run time (`t(`devices.reasons.${reason}`)`), which a
 * static scan cannot see. i18next-cli keeps these groups; tests/unit/renderer/src/i18n/locales.test.ts
 * proves each group holds exactly the keys of the values it is picked by, so none is missing or
 * left over. The type check already refuses a value without a key.
 */
export const dynamicKeyGroups = [
  'accessibility.textSizes',
  'accessibility.contrasts',
  'accessibility.reaches',
  'accessibility.motions',
  'accessibility.readAlouds',
  'accessibility.volumes',
  'devices.kinds',
  'devices.states',
  'devices.reasons',
  'devices.content.states',
  'errors',
  'print.reasons',
  'info.service.appointments',
  'roles',
  'portal.error.kinds',
  'portal.print.failures',
  'portal.notices',
  'keys.actions',
  'keys.names',
] as const;
