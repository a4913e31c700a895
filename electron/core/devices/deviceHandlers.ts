import type { deviceRequestChannels } from '#shared/contract/deviceContract';
import type { DeviceHealth } from '#shared/devices/deviceHealth';
import { ok } from '#shared/result';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { DeviceLayer } from './deviceLayer';

export type DeviceHandlers = Pick<RequestHandlers, keyof typeof deviceRequestChannels>;

/**
 * devices.status and printer.print; a terminal without devices has no printer. `health` is every
 * entry of the staff's device list (the devices and the workstation's document printer).
 */
export function createDeviceHandlers(deps: { readonly devices: DeviceLayer | null; readonly health: () => DeviceHealth[] }): DeviceHandlers {
  const { devices } = deps;
  return {
    'devices.status': () => ok({ devices: deps.health() }),
    'printer.print': async ({ receipt }) => ok(devices?.print ? await devices.print.print(receipt) : { status: 'failed', reason: 'no-printer' }),
  };
}
