import type { HidAccess, HidDevice } from './hidLink';

/**
 * The real {@link HidAccess} on top of node-hid. node-hid is loaded lazily so that a machine
 * without libusb/hidraw still starts (the light is then `absent`, not a crash).
 */
export function createNodeHidAccess(): HidAccess {
  const load = async () => import('node-hid');
  return {
    async list() {
      try {
        const hid = await load();
        const devices = await hid.devicesAsync();
        return devices.map((d) => ({ vendorId: d.vendorId, productId: d.productId, path: d.path, product: d.product }));
      } catch {
        return [];
      }
    },
    async open(path) {
      const hid = await load();
      const device: HidDevice = await hid.HIDAsync.open(path);
      return device;
    },
  };
}
