import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLanguages } from '#shared/i18n/languages';
import { findAppRoot } from '#tests/support/appRoot';

describe('the screen matrix', () => {
  it('covers every UI language exactly once across its spec files', () => {
    const dir = join(findAppRoot(import.meta.dirname), 'tests', 'e2e');
    const listed = ['screens-a.spec.ts', 'screens-b.spec.ts'].flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/defineScreenMatrix\(\[([^\]]*)\]\)/g)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/'([^']+)'/g)].map((l) => l[1]),
      ),
    );
    expect([...listed].sort()).toEqual([...uiLanguages].sort());
  });
});
