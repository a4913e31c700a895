import { z } from '../zodConfig';
import { kioskConfigSchema } from './kioskConfig';

/**
 * The JSON Schema of a terminal config, generated from the zod schema, so that editors check
 * `kiosk-config/*.json` while the city's IT edits them. Cross-field rules (default language among
 * the offered ones) are checked only by the kiosk itself.
 */
export function kioskConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(kioskConfigSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Bürgerservice Kiosk terminal configuration',
  };
}
