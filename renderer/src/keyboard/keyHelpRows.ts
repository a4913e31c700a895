import type { KeyAction } from '#shared/config/keypadConfig';
import { keyCommand, type KeyCommand } from './keyCommands';

/** The commands in the order the key help lists them. */
export const keyHelpOrder = [
  'next',
  'previous',
  'select',
  'back',
  'help',
  'repeat',
  'readAloud',
  'volumeUp',
  'volumeDown',
] as const satisfies readonly KeyCommand[];

/** Keys with a spoken name (`keys.names.<name>`); any other key is shown as it is labelled. */
export const namedKeys = ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Escape', 'Enter', 'Space', 'Tab', 'AudioVolumeUp', 'AudioVolumeDown'] as const;
export type NamedKey = (typeof namedKeys)[number];

/** A key as the help shows it: a name to translate, or its label. */
export type KeyLabel = { readonly name: NamedKey } | { readonly label: string };

/** Keys the browser handles itself, listed so the help is complete. */
const nativeKeys: readonly (readonly [KeyCommand, string])[] = [
  ['next', 'Tab'],
  ['select', 'Enter'],
  ['select', 'Space'],
];

function labelOf(key: string): KeyLabel {
  if ((namedKeys as readonly string[]).includes(key)) return { name: key as NamedKey };
  return { label: key.length === 1 ? key.toUpperCase() : key };
}

/** Every command that has keys, with its keys, under this key map and direction of writing. */
export function keyHelpRows(
  keys: Readonly<Record<string, KeyAction>>,
  direction: 'ltr' | 'rtl',
): { readonly command: KeyCommand; readonly keys: readonly KeyLabel[] }[] {
  const byCommand = new Map<KeyCommand, KeyLabel[]>();
  const add = (command: KeyCommand, key: string): void => {
    const label = labelOf(key);
    const list = byCommand.get(command) ?? [];
    if (!list.some((l) => JSON.stringify(l) === JSON.stringify(label))) list.push(label);
    byCommand.set(command, list);
  };
  for (const key of Object.keys(keys)) {
    const command = keyCommand({ key, code: '', ctrlKey: false, altKey: false, metaKey: false }, keys, direction, false);
    if (command !== null) add(command, key);
  }
  for (const [command, key] of nativeKeys) add(command, key);
  return keyHelpOrder.filter((command) => byCommand.has(command)).map((command) => ({ command, keys: byCommand.get(command) ?? [] }));
}
