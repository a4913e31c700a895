import { watch, type FSWatcher } from 'node:fs';
import { errorKind, type Logger } from '../logging/logger';
import type { ContentPack } from '#shared/content/contentPack';
import type { FileProblem } from './jsonFile';
import { loadContentPack } from './loadContentPack';

/** What staff see about the content: the pack in use, and whether a newer edit was refused. */
export interface ContentStatus {
  /** `ok`: the pack on disk is in use; `kept`: the edited pack is invalid, the last good one stays; `missing`: no valid pack at all. */
  readonly state: 'ok' | 'kept' | 'missing';
  readonly version: string | null;
  readonly problems: readonly FileProblem[];
}

export interface ContentService {
  /** The pack in use, or null when none could ever be loaded. */
  current(): ContentPack | null;
  status(): ContentStatus;
  /** Loads the pack again now (also done by itself when a file in the folder changes). */
  reload(): Promise<ContentStatus>;
  onChange(listener: (status: ContentStatus) => void): () => void;
  close(): void;
}

/**
 * Loads the content pack at start and again whenever a file in its folder changes. An invalid
 * pack is refused with every problem; the last good pack stays in use and staff are told.
 */
export async function createContentService(options: {
  readonly dir: string;
  readonly logger: Logger;
  readonly watch?: boolean;
  readonly debounceMs?: number;
}): Promise<ContentService> {
  const { dir, logger } = options;
  let pack: ContentPack | null = null;
  let status: ContentStatus = { state: 'missing', version: null, problems: [] };
  const listeners = new Set<(status: ContentStatus) => void>();
  let loading: Promise<ContentStatus> | null = null;

  const load = async (): Promise<ContentStatus> => {
    const result = await loadContentPack(dir);
    if (result.ok) {
      pack = result.pack;
      status = { state: 'ok', version: pack.manifest.version, problems: [] };
      logger.info({ event: 'content.loaded', version: status.version, services: pack.services.length }, 'content pack loaded');
    } else {
      status = { state: pack ? 'kept' : 'missing', version: pack?.manifest.version ?? null, problems: result.problems };
      logger.error({ event: 'content.invalid', kept: status.version, problems: result.problems.slice(0, 50) }, 'content pack refused');
    }
    for (const listener of listeners) listener(status);
    return status;
  };
  // One load at a time; a change during a load loads once more afterwards.
  let again = false;
  const reload = (): Promise<ContentStatus> => {
    if (loading) {
      again = true;
      return loading;
    }
    loading = load().finally(() => {
      loading = null;
      if (again) {
        again = false;
        void reload();
      }
    });
    return loading;
  };

  await reload();

  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | undefined;
  if (options.watch !== false) {
    try {
      watcher = watch(dir, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), options.debounceMs ?? 300);
      });
      watcher.on('error', (error) => {
        logger.warn({ event: 'content.watchFailed', reason: errorKind(error) }, 'content folder no longer watched');
      });
    } catch (error) {
      logger.warn({ event: 'content.watchFailed', reason: errorKind(error) }, 'content folder not watched');
    }
  }

  return {
    current: () => pack,
    status: () => status,
    reload,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      clearTimeout(timer);
      watcher?.close();
      listeners.clear();
    },
  };
}
