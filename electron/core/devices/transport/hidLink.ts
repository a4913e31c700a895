/**
 * The narrow view of node-hid the drivers use: the boundary where tests put a double of
 * node-hid's device object (there is no /dev/uhid here to fake a device at the OS level).
 */
export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly product?: string | undefined;
}

/** The methods of node-hid's `HIDAsync` device that the drivers call. */
export interface HidDevice {
  write(data: number[] | Buffer): Promise<number>;
  sendFeatureReport(data: number[] | Buffer): Promise<number>;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): Promise<void>;
}

export interface HidAccess {
  /** Lists attached HID devices; resolves [] when listing fails. */
  list(): Promise<HidDeviceInfo[]>;
  /** Opens a device by path; rejects when it cannot be opened. */
  open(path: string): Promise<HidDevice>;
}
