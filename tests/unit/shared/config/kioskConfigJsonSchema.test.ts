import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigJsonSchema } from '#shared/config/kioskConfigJsonSchema';
import { findAppRoot } from '#tests/support/appRoot';

const file = join(findAppRoot(import.meta.dirname), 'kiosk-config', 'kiosk-config.schema.json');
const generated = `${JSON.stringify(kioskConfigJsonSchema(), null, 2)}\n`;

describe('kiosk-config JSON Schema', () => {
  it('is up to date with the zod schema (regenerate with `npm run config:schema`)', () => {
    if (process.env.UPDATE_CONFIG_SCHEMA === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('rejects unknown keys, as the kiosk does', () => {
    const schema = kioskConfigJsonSchema() as { additionalProperties?: unknown; properties?: Record<string, { additionalProperties?: unknown }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.terminal?.additionalProperties).toBe(false);
  });
});
