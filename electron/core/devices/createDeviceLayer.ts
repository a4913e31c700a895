import { defaultCodePage, type DeviceConfig, type PrinterConfig } from '#shared/config/deviceConfig';
import type { DeviceDriver } from './device';
import type { DeviceDeps } from './deviceDeps';
import type { DeviceLayer } from './deviceLayer';
import { DeviceManager } from './deviceManager';
import { DocumentService } from './documentReader/documentService';
import type { DocumentReaderDriver } from './documentReader/documentReaderDriver';
import { HidMrzReader } from './documentReader/hidMrzReader';
import { SerialMrzReader } from './documentReader/serialMrzReader';
import { SimulatedDocumentReader } from './documentReader/simulatedDocumentReader';
import { PrintService } from './printer/printService';
import type { PrinterDriver } from './printer/printerDriver';
import { SerialEscPosPrinter } from './printer/serialEscPosPrinter';
import { SimulatedPrinter } from './printer/simulatedPrinter';
import { HidSignalLight } from './signalLight/hidSignalLight';
import type { SignalLightDriver } from './signalLight/signalLightDriver';
import { SimulatedSignalLight } from './signalLight/simulatedSignalLight';

/** The default characters per line of an 80 mm receipt printer's normal font. */
const defaultColumns = 42;

function createDriver(config: DeviceConfig, deps: DeviceDeps): PrinterDriver | DocumentReaderDriver | SignalLightDriver {
  switch (config.kind) {
    case 'printer':
      return config.driver === 'simulator' ? new SimulatedPrinter(config, deps) : new SerialEscPosPrinter(config, deps);
    case 'documentReader':
      switch (config.driver) {
        case 'simulator':
          return new SimulatedDocumentReader(config, deps);
        case 'mrz-serial':
          return new SerialMrzReader(config, deps);
        case 'mrz-hid':
          return new HidMrzReader(config, deps, { layout: config.reportLayout, reportId: config.reportId });
      }
      break;
    case 'signalLight':
      return config.driver === 'simulator' ? new SimulatedSignalLight(config, deps) : new HidSignalLight(config, deps);
  }
}

function isKind<K extends DeviceDriver['kind']>(kind: K) {
  return (driver: DeviceDriver): driver is Extract<PrinterDriver | DocumentReaderDriver | SignalLightDriver, { kind: K }> => driver.kind === kind;
}

/**
 * Builds the terminal's devices from its config: one driver per entry (real hardware or simulator),
 * the manager that keeps them connected, and the services that own session data (print jobs,
 * document reads). The first device of each kind is the one the services use. `currentSessionId`
 * is null outside a citizen session; jobs and reads belong to the session current when they happen.
 */
export function createDeviceLayer(devices: readonly DeviceConfig[], deps: DeviceDeps, currentSessionId: () => string | null): DeviceLayer {
  const manager = new DeviceManager({ clock: deps.clock, logger: deps.logger });
  const drivers = devices.map((config) => createDriver(config, deps));
  for (const driver of drivers) manager.add(driver);

  const printer = drivers.find(isKind('printer')) ?? null;
  const printerConfig = devices.find((d): d is PrinterConfig => d.kind === 'printer');
  const reader = drivers.find(isKind('documentReader')) ?? null;
  const light = drivers.find(isKind('signalLight')) ?? null;

  return {
    manager,
    print: printer
      ? new PrintService({
          printer,
          codePage: printerConfig?.codePage ?? defaultCodePage,
          columns: printerConfig?.columns ?? defaultColumns,
          currentSessionId,
          logger: deps.logger,
        })
      : null,
    documents: reader ? new DocumentService(reader, deps.logger, currentSessionId) : null,
    light,
  };
}
