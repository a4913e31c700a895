import type { DeviceDriver } from '../device';

/** What the light says to staff across the room. */
export const lightStates = ['free', 'in-use', 'help-requested', 'fault'] as const;
export type LightState = (typeof lightStates)[number];

/** A USB signal light (Kuando Busylight, Luxafor Flag, blink(1)) or the simulator. */
export interface SignalLightDriver extends DeviceDriver {
  readonly kind: 'signalLight';
  /** Shows a state (help-requested blinks); remembered and shown again after a reconnect. */
  show(state: LightState): Promise<void>;
  /** The state last asked for. */
  readonly state: LightState;
}
