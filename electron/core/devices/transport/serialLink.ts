/**
 * The narrow view of a serial port the drivers use. The real implementation wraps `serialport`
 * (serialPortLink.ts); tests use the same real implementation against pseudo-terminals.
 */
export interface SerialLink {
  /** Writes and waits until the bytes left the process (drain); rejects when the port fails or closes. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Discards what the operating system still holds to send (and received bytes not yet read), and
   * makes writes still in progress reject; resolves also on a closed port. Optional only because
   * test doubles of links that never write (document readers) need not implement it; the serialport
   * link always does.
   */
  flush(): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the port closes for any reason (unplug, pty closed, error). */
  onClose(listener: (reason: 'unplugged' | 'error' | 'closed') => void): () => void;
  close(): Promise<void>;
  readonly isOpen: boolean;
}

export type SerialOpenError = 'not-found' | 'port-busy' | 'permission-denied' | 'error';

export type SerialOpenResult = { readonly ok: true; readonly link: SerialLink } | { readonly ok: false; readonly error: SerialOpenError };

/** Opens serial ports; injected into the drivers. */
export type SerialOpener = (options: { path: string; baudRate: number; rtscts?: boolean }) => Promise<SerialOpenResult>;
