import { z } from '../zodConfig';

/**
 * What a key does for someone who cannot see or reach the touch screen (docs/architecture.md, "Accessibility and languages",
 * EN 301 549 §5.1.3). `left`/`right` follow the direction of writing; `none` switches a default
 * key off.
 */
export const keyActions = ['next', 'previous', 'right', 'left', 'select', 'back', 'help', 'repeat', 'readAloud', 'volumeUp', 'volumeDown'] as const;
export type KeyAction = (typeof keyActions)[number];

/** A key as the browser names it: its `key` value ("F1", "?", "r") or its `code` ("Numpad5"). */
export const keyNameSchema = z
  .string()
  .regex(/^(?:[^\s]|[A-Za-z][A-Za-z0-9]{1,31})$/, 'must be one character or a key name such as "F13", "Numpad5" or "AudioVolumeUp"');

/**
 * The keys of an ordinary keyboard; a tactile keypad presents itself as a keyboard and most send
 * these. Enter and Space already press the focused button, Tab moves natively.
 */
export const defaultKeyMap: Readonly<Record<string, KeyAction>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  ArrowRight: 'right',
  ArrowLeft: 'left',
  Escape: 'back',
  F1: 'help',
  '?': 'help',
  r: 'repeat',
  R: 'repeat',
  F2: 'readAloud',
  '+': 'volumeUp',
  '-': 'volumeDown',
  AudioVolumeUp: 'volumeUp',
  AudioVolumeDown: 'volumeDown',
};

export const keypadConfigSchema = z
  .strictObject({
    keys: z
      .record(keyNameSchema, z.enum([...keyActions, 'none']))
      .refine((keys) => Object.keys(keys).length <= 64, 'lists more than 64 keys')
      .describe('Keys of the tactile keypad and what they do, on top of the keyboard defaults; "none" switches a default key off.'),
  })
  .describe('The tactile keypad (it presents itself as a keyboard).');

export type KeypadConfigInput = z.input<typeof keypadConfigSchema>;

/** The keyboard defaults with the terminal's keypad keys laid over them. */
export function resolveKeyMap(keypad: KeypadConfigInput | undefined): Record<string, KeyAction> {
  const map: Record<string, KeyAction> = { ...defaultKeyMap };
  for (const [key, action] of Object.entries(keypad?.keys ?? {})) {
    if (action === 'none') Reflect.deleteProperty(map, key);
    else map[key] = action;
  }
  return map;
}
