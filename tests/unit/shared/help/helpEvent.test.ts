import { describe, expect, it } from 'vitest';
import { helpEventSchema } from '#shared/help/helpEvent';
import { helpEvent } from '#tests/unit/electron/core/help/helpFakes';

describe('help event format', () => {
  it('accepts a call event with a location or without one', () => {
    expect(helpEventSchema.safeParse(helpEvent()).success).toBe(true);
    expect(helpEventSchema.safeParse(helpEvent({ location: null, type: 'escalated', language: 'de-x-ls' })).success).toBe(true);
  });

  it('carries nothing else: extra fields (personal data) are refused, also inside terminal', () => {
    expect(helpEventSchema.safeParse({ ...helpEvent(), citizenName: 'Erika Mustermann' }).success).toBe(false);
    expect(helpEventSchema.safeParse({ ...helpEvent(), terminal: { ...helpEvent().terminal, ip: '10.0.0.5' } }).success).toBe(false);
  });

  it.each([
    ['version', 2],
    ['eventId', 'not-a-uuid'],
    ['callId', '123'],
    ['type', 'started'],
    ['at', '17.03.2026 09:15'],
    ['screen', 'Info Search'],
    ['screen', 'a'.repeat(41)],
    ['screen', '-info'],
    ['language', 'fr'],
    ['location', ''],
  ])('refuses %s = %j', (key, value) => {
    expect(helpEventSchema.safeParse({ ...helpEvent(), [key]: value }).success).toBe(false);
  });

  it('accepts a screen id of exactly 40 characters', () => {
    expect(helpEventSchema.safeParse(helpEvent({ screen: 'a'.repeat(40) })).success).toBe(true);
  });
});
