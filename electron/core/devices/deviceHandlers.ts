import type { deviceRequestChannels } from '#shared/contract/deviceContract';
import { ok } from '#shared/result';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { DeviceLayer } from './deviceLayer';

export type DeviceHandlers = Pick<RequestHandlers, keyof typeof deviceRequestChannels>;

/** devices.status and printer.print; a terminal without devices has none to report and no printer. */
export function createDeviceHandlers(deps: { readonly devices: DeviceLayer | null }): DeviceHandlers {
  const { devices } = deps;
  return {
    'devices.status': () => ok({ devices: devices?.manager.health() ?? [] }),
    'printer.print': async ({ receipt }) => ok(devices?.print ? await devices.print.print(receipt) : { status: 'failed', reason: 'no-printer' }),
  };
}
