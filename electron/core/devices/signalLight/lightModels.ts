import type { LightState } from './signalLightDriver';

/*
 * Report formats, from public sources:
 * - Kuando Busylight: Plenom "Busylight/Kuando Box HID communication protocol specification" rev 2.2
 *   (github.com/porsager/busylight, Busylight.API.rev.2.2.-.22052015.pdf): 64-byte output report of
 *   7 steps × 8 bytes + 8 bytes footer; step = cmd, repeat, red, green, blue (PWM 0..100), on/off
 *   time (0.1 s), audio; cmd 0x10|n = jump to step n, 0x80|t = keep alive, timeout t seconds.
 *   Footer layout, 0xFF pad in bytes 59..61 and the 16-bit big-endian checksum (sum of bytes 0..61)
 *   as documented in JnyJny/busylight docs/hardware/devices/kuando.md; steady colour as a jump step
 *   with repeat/on/off 0 and keep-alive 15 s as in JnyJny/busylight_core vendors/kuando; product ids
 *   from the Plenom spec, busylight_core and yaddran/busylight (0x3BCC is the Kuando Box, not a light).
 *   Report id 0x00 in front, as the node-hid README asks for devices without numbered reports
 *   (rob121/go-busylight writes the same 65 bytes).
 * - Luxafor Flag: 8-byte output report [0x01 static colour, 0xFF all LEDs, r, g, b, 0, 0, 0] after
 *   report id 0x00 (facelessuser/pyluxa4 pyluxa4/usb.py; docs.rs/luxafor usb_hid).
 * - blink(1): feature report id 1, [1, 'c', r, g, b, th, tl, ledn] + one 0 byte = 9 bytes
 *   (todbot/blink1 docs/blink1-hid-commands.md; blink1-lib blink1_buf_size = 9;
 *   sandeepmistry/node-blink1 REPORT_LENGTH = 9); th:tl = fade time in 10 ms ticks.
 */

/** A colour as 8-bit red, green, blue. */
export type Rgb = readonly [red: number, green: number, blue: number];

/** The bytes to send and how: `write()` (output report) or `sendFeatureReport()`. */
export interface LightReport {
  readonly kind: 'output' | 'feature';
  /** Complete buffer for node-hid, report id first. */
  readonly bytes: readonly number[];
}

/** What the driver needs to know about one kind of USB light. */
export interface LightModel {
  readonly name: string;
  readonly ids: readonly { readonly vendorId: number; readonly productId: number }[];
  /** The report that shows this colour; [0, 0, 0] turns the light off. */
  colorReport(color: Rgb): LightReport;
  /** Set when the light goes dark unless it hears from the host regularly. */
  readonly keepalive?: { readonly intervalMs: number; report(): LightReport };
}

/** Black: the light is off. */
export const lightOff: Rgb = [0, 0, 0];

/**
 * Colours per state: saturated primaries read best from across a room; only "help requested"
 * blinks, so the calm states stay steady. Amber has less green than sRGB yellow because the green
 * LEDs of these lights are the brightest; full green would look yellow-green.
 */
export const stateColors: Readonly<Record<LightState, Rgb>> = {
  free: [0, 255, 0],
  'in-use': [0, 0, 255],
  'help-requested': [255, 150, 0],
  fault: [255, 0, 0],
};

/** Help requested blinks at 1 Hz: this long on, then this long off. */
export const blinkHalfPeriodMs = 500;

/** Whether a state blinks (its colour, then off, each for {@link blinkHalfPeriodMs}); only "help requested" does. */
export function blinks(state: LightState): boolean {
  return state === 'help-requested';
}

function clampByte(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)));
}

const busylightKeepaliveSeconds = 15;

/** One 64-byte Busylight packet with `step0` as its only step, footer and checksum filled in. */
function busylightPacket(step0: readonly number[]): LightReport {
  const packet = new Array<number>(64).fill(0);
  step0.forEach((byte, i) => {
    packet[i] = byte;
  });
  packet[59] = 0xff;
  packet[60] = 0xff;
  packet[61] = 0xff;
  const sum = packet.slice(0, 62).reduce((total, byte) => total + byte, 0) & 0xffff;
  packet[62] = sum >> 8;
  packet[63] = sum & 0xff;
  return { kind: 'output', bytes: [0x00, ...packet] };
}

/** The Busylight takes intensity as PWM on-time 0..100, not 0..255. */
function busylightPwm(value: number): number {
  return Math.round((clampByte(value) * 100) / 255);
}

/** The Kuando Busylight: the light the simulator reports its packets for. */
export const kuandoBusylight: LightModel = {
  name: 'Kuando Busylight',
  ids: [
    { vendorId: 0x27bb, productId: 0x3bca }, // Alpha
    { vendorId: 0x27bb, productId: 0x3bcb }, // UC
    { vendorId: 0x27bb, productId: 0x3bcd }, // Omega
    { vendorId: 0x27bb, productId: 0x3bce }, // Alpha (2nd generation)
    { vendorId: 0x27bb, productId: 0x3bcf }, // Omega (2nd generation)
    { vendorId: 0x04d8, productId: 0xf848 }, // early Alpha on Microchip's vendor id
  ],
  colorReport([red, green, blue]) {
    // Jump to step 0 (itself), repeat 0, no on/off timing, audio bits clear = sound unchanged (silent).
    return busylightPacket([0x10, 0x00, busylightPwm(red), busylightPwm(green), busylightPwm(blue), 0x00, 0x00, 0x00]);
  },
  keepalive: {
    // The light quiesces after the keep-alive timeout (15 s at most); 10 s leaves room for a late timer.
    intervalMs: 10_000,
    report: () => busylightPacket([0x80 | busylightKeepaliveSeconds]),
  },
};

const luxaforFlag: LightModel = {
  name: 'Luxafor Flag',
  ids: [{ vendorId: 0x04d8, productId: 0xf372 }],
  colorReport([red, green, blue]) {
    return { kind: 'output', bytes: [0x00, 0x01, 0xff, clampByte(red), clampByte(green), clampByte(blue), 0x00, 0x00, 0x00] };
  },
};

/** A short fade softens the change without blurring the 1 Hz blink. */
const blink1FadeTicks = 10; // × 10 ms

const blink1: LightModel = {
  name: 'blink(1)',
  ids: [{ vendorId: 0x27b8, productId: 0x01ed }],
  colorReport([red, green, blue]) {
    return {
      kind: 'feature',
      bytes: [0x01, 'c'.charCodeAt(0), clampByte(red), clampByte(green), clampByte(blue), blink1FadeTicks >> 8, blink1FadeTicks & 0xff, 0x00, 0x00],
    };
  },
};

/** Every light the driver can drive, in the order "first known light" picks them. */
export const lightModels: readonly LightModel[] = [kuandoBusylight, luxaforFlag, blink1];

/** The model with this vendor/product id, if it is a known light. */
export function findModel(vendorId: number, productId: number): LightModel | undefined {
  return lightModels.find((model) => model.ids.some((id) => id.vendorId === vendorId && id.productId === productId));
}
