import { describe, expect, it } from 'vitest';
import { blinks, findModel, kuandoBusylight, lightModels, stateColors } from '#core/devices/signalLight/lightModels';
import { lightStates } from '#core/devices/signalLight/signalLightDriver';

describe('findModel', () => {
  it.each([
    [0x27bb, 0x3bca, 'Kuando Busylight'],
    [0x27bb, 0x3bcb, 'Kuando Busylight'],
    [0x27bb, 0x3bcd, 'Kuando Busylight'],
    [0x27bb, 0x3bce, 'Kuando Busylight'],
    [0x27bb, 0x3bcf, 'Kuando Busylight'],
    [0x04d8, 0xf848, 'Kuando Busylight'],
    [0x04d8, 0xf372, 'Luxafor Flag'],
    [0x27b8, 0x01ed, 'blink(1)'],
  ])('knows %i:%i as %s', (vendorId, productId, name) => {
    expect(findModel(vendorId, productId)?.name).toBe(name);
  });

  it.each([
    [0x27bb, 0x3bcc], // Kuando Box: same protocol family, but no light
    [0x27bb, 0x3bc0], // Busylight boot loader
    [0x04d8, 0x0001],
    [0x046d, 0xc31c],
  ])('does not know %i:%i', (vendorId, productId) => {
    expect(findModel(vendorId, productId)).toBeUndefined();
  });

  it('lists each vendor/product id only once', () => {
    const ids = lightModels.flatMap((m) => m.ids.map((id) => `${String(id.vendorId)}:${String(id.productId)}`));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('stateColors', () => {
  it('gives every state a distinct, visible colour', () => {
    const colours = lightStates.map((state) => stateColors[state].join());
    expect(new Set(colours).size).toBe(lightStates.length);
    for (const state of lightStates) expect(Math.max(...stateColors[state])).toBeGreaterThan(0);
  });

  it('clamps out-of-range channels into the report instead of wrapping', () => {
    const luxafor = findModel(0x04d8, 0xf372);
    expect(luxafor?.colorReport([300, -5, 127.6]).bytes).toEqual([0x00, 0x01, 0xff, 255, 0, 128, 0, 0, 0]);
  });
});

describe('blinks', () => {
  it('only help requested blinks; the calm states stay steady', () => {
    expect(lightStates.filter(blinks)).toEqual(['help-requested']);
  });

  it('the exported Busylight is the one findModel knows', () => {
    expect(findModel(0x27bb, 0x3bcd)).toBe(kuandoBusylight);
  });
});
