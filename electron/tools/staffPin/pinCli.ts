import { hashPin, isPinWellFormed } from '#core/staff/staffPin';

/**
 * `npm run staff:pin`: makes the hash of a staff PIN for the config. At a terminal the PIN is asked
 * twice and nothing typed is shown; piped in (not a terminal) the first line of stdin is the PIN.
 * Prints the hash and the config snippet; the PIN itself is never printed or written anywhere.
 * Exit codes: 0 printed, 1 no PIN, not 6–12 digits, or the two entries differ.
 */

export interface PinCliIo {
  /** True when a person types at a terminal: the PIN is asked twice. */
  readonly interactive: boolean;
  /** Reads one line (at a terminal without showing what is typed); null at the end of input. */
  readLine(prompt: string): Promise<string | null>;
  info(line: string): void;
  error(line: string): void;
}

/** Runs the tool; resolves to the exit code. */
export async function runPinCli(io: PinCliIo): Promise<number> {
  const first = await io.readLine('Staff PIN (6–12 digits, not shown): ');
  if (first === null) {
    io.error('No PIN given. At a terminal, type it when asked; in a script, pipe it in on the first line.');
    return 1;
  }
  const pin = first.trim();
  // The messages never repeat what was typed: it may be a real PIN with a typo.
  if (!isPinWellFormed(pin)) {
    io.error('A staff PIN is 6 to 12 digits (0–9), nothing else; shorter PINs are too easy to guess. No hash was made.');
    return 1;
  }
  if (io.interactive) {
    const again = await io.readLine('The same PIN again: ');
    if (again?.trim() !== pin) {
      io.error('The two entries differ. No hash was made; please run the tool again.');
      return 1;
    }
  }
  const hash = await hashPin(pin);
  if (!hash.ok) {
    io.error(`No hash was made: ${hash.error.detail ?? hash.error.code}`);
    return 1;
  }
  io.info('PIN hash (goes into the terminal config; the PIN itself never does):');
  io.info(hash.value);
  io.info('');
  io.info('Config snippet (add the hash to "pinHashes" if the section exists; any listed hash opens assist mode):');
  io.info(`"staff": ${JSON.stringify({ pinHashes: [hash.value] }, null, 2)}`);
  return 0;
}

/** The real terminal: hidden input when stdin is a TTY, else the lines piped in. */
export function terminalPinIo(): PinCliIo {
  const interactive = process.stdin.isTTY;
  let piped: Promise<string[]> | null = null;
  return {
    interactive,
    readLine: async (prompt) => {
      if (interactive) return readHidden(prompt);
      piped ??= readAllLines();
      return (await piped).shift() ?? null;
    },
    info: (line) => {
      process.stdout.write(`${line}\n`);
    },
    error: (line) => {
      process.stderr.write(`${line}\n`);
    },
  };
}

/** Reads all of stdin once (a pipe or a file), split into lines. */
async function readAllLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? [] : text.split(/\r?\n/);
}

/** Reads a line at a TTY in raw mode, so nothing typed is echoed; Ctrl-C or Ctrl-D give null. */
function readHidden(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  process.stdout.write(prompt);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish(typed);
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish(null);
          return;
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}
