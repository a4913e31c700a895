import type { DeviceHealth } from '#shared/devices/deviceHealth';
import { join } from 'node:path';
import type { KioskConfig } from '#shared/config/kioskConfig';
import type { KioskEvent } from '#shared/contract/channels';
import { createDeviceLayer } from '../devices/createDeviceLayer';
import type { DeviceDeps } from '../devices/deviceDeps';
import type { DeviceLayer } from '../devices/deviceLayer';
import { createIpcRouter, type IpcRouter } from '../ipc/ipcRouter';
import { createContentDesk } from '../content/contentDesk';
import { createInfoSlipDesk } from '../content/infoSlip';
import { createQueueDesk } from '../queue/queueDesk';
import { AssistMode } from '../staff/assistMode';
import { createAuditLog } from '../staff/auditLog';
import { LightTest } from '../staff/lightTest';
import { OutOfOrder } from '../staff/outOfOrder';
import { createStaffHandlers, type ExitPort } from '../staff/staffHandlers';
import { Counters } from '../stats/counters';
import { countHelp, countingRouter, countSessions } from '../stats/counting';
import type { ContentService } from '../content/contentService';
import { contentStatusView } from '../content/contentStatusView';
import type { Logger } from '../logging/logger';
import { errorKind } from '../logging/logger';
import { PortalService } from '../portal/portalService';
import type { PortalSurface } from '../portal/portalSurface';
import type { CommandRunner } from '../portal/printing/commandRunner';
import { createDocumentPrinter } from '../portal/printing/documentPrinter';
import { systemClock, type Clock } from '../session/clock';
import { RendererResetParticipant } from '../session/rendererReset';
import { ResetCoordinator } from '../session/resetCoordinator';
import { SessionLifecycle } from '../session/sessionLifecycle';
import { SignalLightControl } from '../devices/signalLight/lightState';
import { HelpOutbox } from '../help/helpOutbox';
import { HelpService } from '../help/helpService';
import { createWebhookChannel } from '../help/webhookChannel';
import { acknowledgementSources, WebhookAcknowledgements } from '../help/webhookAcknowledgements';
import { createHelpHandlers } from '../help/helpHandlers';
import { createContentHandlers } from '../content/contentHandlers';
import { createDeviceHandlers } from '../devices/deviceHandlers';
import { createPortalHandlers } from '../portal/portalHandlers';
import { createSessionHandlers } from '../session/sessionHandlers';
import { isOpen } from '../queue/openingHours';
import { keepLogRetention } from '../logging/logRetention';
import { createAppHandlers } from './appHandlers';
import { DailyRestart } from './dailyRestart';
import { UiFailures, type UiFailureDecision } from './uiFailures';

export type EventSink = (message: KioskEvent) => void;

export interface KioskCoreOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Called when the UI did not confirm a reset in time; the host reloads the kiosk page. */
  readonly reloadUi: () => Promise<void> | void;
  /** How long a reset waits for the UI's confirmation. */
  readonly uiResetTimeoutMs?: number;
  /**
   * How to reach device hardware (serial ports, HID, the data folder for simulators). Without it the
   * core runs without devices (unit tests of other parts).
   */
  readonly deviceAccess?: Omit<DeviceDeps, 'clock' | 'logger'>;
  /** The content pack (information terminal); without it the content channels answer 'unavailable'. */
  readonly content?: ContentService | null;
  /** The kiosk's data folder (queue ticket numbers live in `<dataDir>/queue`); without it queue.draw answers 'unavailable'. */
  readonly dataDir?: string;
  /** The host's browser for portal views (workstation); without it the portal channels answer 'unavailable'. */
  readonly portalSurface?: PortalSurface;
  /** Runs the document printer's lp and cancel (default: the programs themselves; tests answer for them). */
  readonly runCommand?: CommandRunner;
  /**
   * Empties the system clipboard and, on Linux, the primary selection: part of every reset on every
   * role, since anything a citizen (or a portal page) copied would be pasted by the next one.
   */
  readonly clearClipboard?: () => Promise<void>;
  /**
   * Ends the process for staff: restartExitCode (75) to be started again by the launcher or
   * systemd, 0 to quit to the operating system. Without it restart and quit answer 'unavailable'.
   */
  readonly exit?: ExitPort;
}

export interface KioskCore {
  readonly config: KioskConfig;
  readonly router: IpcRouter;
  readonly session: SessionLifecycle;
  readonly resets: ResetCoordinator;
  readonly devices: DeviceLayer | null;
  /** The call for help (assist mode acknowledges and resolves it here). */
  readonly help: HelpService;
  /**
   * The host's kiosk page crashed, hung or closed: whether to open a fresh one. Too many failures
   * in a short time switch the terminal out of order and call staff (uiFailures.ts).
   */
  uiFailed(reason: string): Promise<UiFailureDecision>;
  /**
   * Connects the devices (their health arrives as events) and starts delivering help calls (outbox,
   * acknowledgements from afar); resolves when each device answered once.
   */
  startDevices(): Promise<void>;
  /** Forwards every main→renderer event to the host's transport; returns an unsubscribe function. */
  onEvent(sink: EventSink): () => void;
  dispose(): Promise<void>;
}

/**
 * The composition root of the host-agnostic services that both hosts run: it makes the services,
 * connects them and hands the router one handler module per capability. No channel logic lives here.
 */
export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const clock = options.clock ?? systemClock;
  const { config, logger } = options;
  const resets = new ResetCoordinator(logger, clock);
  const rendererReset = new RendererResetParticipant(clock, options.uiResetTimeoutMs ?? 5000, async () => {
    logger.warn({ event: 'ui-reset-timeout' }, 'UI did not confirm the reset; reloading it');
    try {
      await options.reloadUi();
    } catch (error) {
      logger.error({ event: 'ui-reload-failed', err: errorKind(error) }, 'reloading the UI failed');
    }
  });
  resets.register(rendererReset);
  const session = new SessionLifecycle({ timings: config.session, clock, resets, logger });
  const sinks = new Set<EventSink>();
  const emit = (message: KioskEvent): void => {
    for (const sink of sinks) sink(message);
  };
  session.onChange((snapshot) => {
    emit({ event: 'session.changed', payload: snapshot });
  });

  const activeSession = (): string | null => {
    const snapshot = session.snapshot();
    return snapshot.state === 'active' || snapshot.state === 'idle-warning' ? snapshot.sessionId : null;
  };
  const devices =
    options.deviceAccess && config.devices.length > 0 ? createDeviceLayer(config.devices, { ...options.deviceAccess, clock, logger }, activeSession) : null;
  // The workstation's document printer shows in the staff's device list beside the devices.
  const documentPrinter =
    config.portal !== null && options.portalSurface !== undefined
      ? createDocumentPrinter(config.portal.printer, { dataDir: options.dataDir ?? '', logger, clock, run: options.runCommand })
      : null;
  const deviceHealth = (): DeviceHealth[] => {
    const printerHealth = documentPrinter?.health() ?? null;
    return [...(devices?.manager.health() ?? []), ...(printerHealth === null ? [] : [printerHealth])];
  };
  const emitDevices = (): void => {
    emit({ event: 'devices.changed', payload: { devices: deviceHealth() } });
  };
  if (devices) {
    if (devices.print) resets.register(devices.print.resetParticipant());
    if (devices.documents) resets.register(devices.documents.resetParticipant());
    devices.manager.onChange(emitDevices);
  }
  documentPrinter?.onHealth(emitDevices);
  // The light tells staff from afar whether the terminal is free, in use or calls for help; one
  // control decides from its inputs (session here, help call in HelpService, out of order).
  const signalLight = new SignalLightControl(devices?.light ?? null, logger);
  session.onChange((snapshot) => {
    void signalLight.update({ session: snapshot.state });
  });

  // Help calls: the outbox needs the data folder; without it calls reach only the light and screen.
  const helpOutbox =
    options.dataDir === undefined
      ? null
      : new HelpOutbox({
          dir: join(options.dataDir, 'help'),
          channels: config.help.channels.map((channel) =>
            createWebhookChannel({ name: channel.name, url: channel.url, secret: channel.secret, timeoutMs: channel.timeoutSeconds * 1000, logger }),
          ),
          logger,
          clock,
        });
  const help = new HelpService({
    terminal: config.terminal,
    help: config.help,
    outbox: helpOutbox,
    light: signalLight,
    sessionId: activeSession,
    logger,
    clock,
  });
  resets.register(help.resetParticipant());
  help.onChange((view) => {
    emit({ event: 'help.changed', payload: view });
  });
  const helpAcknowledgements = new WebhookAcknowledgements({ sources: acknowledgementSources(config.help.channels), help, logger, clock });

  // Staff see at once when an edited pack was refused (the last good one stays in use).
  options.content?.onChange(() => {
    emit({ event: 'content.changed', payload: contentStatusView(options.content) });
  });
  const desk = options.content ? createContentDesk(options.content, { now: () => new Date(clock.now()), languages: config.languages.offered }) : null;
  const printer = devices?.print ?? null;
  const slips = desk ? createInfoSlipDesk({ pack: () => desk.pack(), printer }) : null;
  const queue =
    desk && options.dataDir !== undefined
      ? createQueueDesk({ pack: () => desk.pack(), dir: join(options.dataDir, 'queue'), now: () => new Date(clock.now()), printer, logger })
      : null;

  const portal =
    config.portal !== null && options.portalSurface !== undefined
      ? new PortalService({
          tiles: config.portal.tiles,
          surface: options.portalSurface,
          printer: documentPrinter,
          logger,
          activeSession,
          emit: (view) => {
            emit({ event: 'portal.changed', payload: view });
          },
          emitFrame: (frame) => {
            emit({ event: 'portal.frame', payload: frame });
          },
          onActivity: () => {
            session.activity();
          },
        })
      : null;
  if (portal) resets.register(portal.resetParticipant());
  const clearClipboard = options.clearClipboard;
  if (clearClipboard) resets.register({ name: 'clipboard', reset: () => clearClipboard() });

  // Staff: assist mode behind the PIN pad, out of order, the audit log and anonymous counters, each
  // kept in the data folder (in memory only without one).
  const dataFile = (...parts: string[]): string | null => (options.dataDir === undefined ? null : join(options.dataDir, ...parts));
  const audit = createAuditLog({ file: dataFile('audit', 'staff-audit.jsonl'), terminal: config.terminal.id, now: () => clock.now(), logger });
  const assist = new AssistMode({
    staff: config.staff,
    clock,
    logger,
    audit,
    lockoutFile: dataFile('staff', 'pin-lockout.json'),
    // Staff hear of a locked pad through the help channels, like of a failing kiosk page.
    alerts: { help, language: config.languages.default },
  });
  const outOfOrder = new OutOfOrder({ file: dataFile('staff', 'out-of-order.json'), place: config.staff.outOfOrderPlace, logger, now: () => clock.now() });
  const counters = new Counters({ file: dataFile('stats', 'counters.json'), clock, logger });
  countSessions(session, counters);
  countHelp(help, counters);
  assist.onChange((view) => {
    emit({ event: 'staff.changed', payload: view });
  });
  void signalLight.update({ outOfOrder: outOfOrder.isOn() });
  outOfOrder.onChange((status) => {
    emit({ event: 'terminal.changed', payload: status });
    void signalLight.update({ outOfOrder: status.outOfOrder });
  });
  const uiFailures = new UiFailures({ outOfOrder, help, language: config.languages.default, logger, clock });
  const restartMinute = config.maintenance.dailyRestartMinute;
  const exitPort = options.exit;
  const dailyRestart =
    restartMinute === null || exitPort === undefined
      ? null
      : new DailyRestart({
          minute: restartMinute,
          isQuiet: () => (session.snapshot().state === 'attract' || outOfOrder.isOn()) && !assist.isOpen() && help.view().status === 'clear',
          isOfficeOpen: (at) => {
            const pack = desk?.pack();
            return pack ? isOpen(pack.openingHours, at) : false;
          },
          exit: (code) => {
            exitPort(code);
          },
          logger,
          clock,
        });
  let logRetention: { stop(): void } | null | undefined;
  const lightTest = devices?.light ? new LightTest(devices.light, () => signalLight.refresh(), clock) : null;
  // Every request channel, one handler module per capability (electron/core/<capability>/<capability>Handlers.ts).
  const router = createIpcRouter(
    {
      ...createAppHandlers({ config, session }),
      ...createSessionHandlers({ session, rendererReset, outOfOrder }),
      ...createDeviceHandlers({ devices, health: deviceHealth }),
      ...createContentHandlers({ content: options.content ?? null, desk, slips, queue }),
      ...createPortalHandlers({ portal }),
      ...createHelpHandlers({ help }),
      ...createStaffHandlers({
        assist,
        outOfOrder,
        audit,
        counters,
        session,
        help,
        lightTest,
        content: options.content ?? null,
        exit: options.exit ?? null,
        clock,
        logger,
      }),
    },
    logger,
  );

  return {
    config,
    router: countingRouter(router, counters),
    session,
    resets,
    devices,
    help,
    uiFailed: (reason) => uiFailures.failed(reason),
    async startDevices() {
      dailyRestart?.start();
      logRetention ??=
        options.dataDir === undefined
          ? null
          : keepLogRetention({
              dir: join(options.dataDir, 'logs'),
              days: config.maintenance.logRetentionDays,
              clock,
              logger,
              alsoDaily: async () => {
                const removed = await audit.prune(config.maintenance.auditRetentionDays);
                if (removed > 0) logger.info({ event: 'staff-audit-pruned', lines: removed }, 'staff audit lines past their retention deleted');
              },
            });
      // What a crashed run left of a citizen (printed documents, scans) goes before anyone else comes.
      await portal?.sweep();
      // Calls still pending from before a restart go out first; they do not wait for the devices.
      await help.start();
      helpAcknowledgements.start();
      if (devices) {
        await devices.manager.start();
        await signalLight.refresh();
      }
    },
    onEvent(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    async dispose() {
      dailyRestart?.stop();
      logRetention?.stop();
      session.dispose();
      assist.dispose();
      lightTest?.dispose();
      await counters.flush();
      sinks.clear();
      options.content?.close();
      await helpAcknowledgements.stop();
      await help.stop();
      await devices?.manager.stop();
    },
  };
}
