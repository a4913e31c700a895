import { open } from 'node:fs/promises';
import { secretsFileSchema, type SecretsFile } from '#shared/config/secretsConfig';
import { errorCode } from '../files/atomicFile';
import { jsonPath, schemaProblems, type SchemaProblem } from '../validation/schemaProblems';

/**
 * The config's secrets (README.md, "Configuration"): the staff PIN hashes and the webhook
 * secrets, in the config itself or in the secrets file it names (`secretsFile`). Whoever can read
 * them can guess PINs offline or forge help calls, so a file that holds them and that every user
 * of the computer may read is refused at start, with one line that says how to fix it. Windows
 * has no such mode bits; there the installer's ACLs keep the files to the kiosk. Messages name the
 * file and the key, never a secret.
 */

/** A file's text and its mode bits, from one open file (a swap between a check and the read cannot fool it). */
export type GuardedRead = { readonly ok: true; readonly text: string; readonly mode: number } | { readonly ok: false; readonly code: string };

/** Reads a file with its mode. Never throws. */
export async function readWithMode(file: string): Promise<GuardedRead> {
  try {
    const handle = await open(file, 'r');
    try {
      const { mode } = await handle.stat();
      return { ok: true, text: await handle.readFile('utf8'), mode };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, code: errorCode(error) ?? 'unknown error' };
  }
}

/** True when every user of the computer may read a file of this mode (always false on Windows). */
export function readableByOthers(mode: number, platform: NodeJS.Platform): boolean {
  return platform !== 'win32' && (mode & 0o004) !== 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The secrets parsed config JSON holds itself, as JSON paths ("staff.pinHashes", "help.channels[0].secret"). */
export function inlineSecrets(data: unknown): string[] {
  if (!isRecord(data)) return [];
  const found: string[] = [];
  if (isRecord(data.staff) && 'pinHashes' in data.staff) found.push('staff.pinHashes');
  const channels = isRecord(data.help) ? data.help.channels : undefined;
  if (Array.isArray(channels)) {
    channels.forEach((channel: unknown, index) => {
      if (isRecord(channel) && 'secret' in channel) found.push(jsonPath(['help', 'channels', index, 'secret']));
    });
  }
  return found;
}

/** The fix, for both kinds of file: others lose every right, owner and group keep theirs. */
const chmodHint = (file: string): string => `run chmod o-rwx "${file}" (mode 600, or 640 for the kiosk's group)`;

/** The one line a config that holds secrets and may be read by everybody is refused with. */
export function configRefusal(file: string, secrets: readonly string[]): string {
  return `Kiosk config ${file} holds secrets (${secrets.join(', ')}) and every user of this computer may read it: ${chmodHint(file)}, or move them to a secrets file ("secretsFile"). The kiosk was not started.`;
}

/** The one line a secrets file that may be read by everybody is refused with. */
export function secretsFileRefusal(file: string): string {
  return `Secrets file ${file} may be read by every user of this computer: ${chmodHint(file)}. The kiosk was not started.`;
}

export type SecretsLoad =
  | { readonly kind: 'loaded'; readonly secrets: SecretsFile }
  | { readonly kind: 'refused'; readonly refusal: string }
  | { readonly kind: 'invalid'; readonly problems: readonly SchemaProblem[] };

/** Where a problem of the secrets file is reported: the config's `secretsFile` key, naming the file. */
const fileProblem = (file: string, message: string): SchemaProblem => ({ path: 'secretsFile', message: `${file}: ${message}` });

/** Reads, checks and validates the secrets file; problems name the file and the key, never a value. */
export async function loadSecretsFile(file: string, platform: NodeJS.Platform): Promise<SecretsLoad> {
  const read = await readWithMode(file);
  if (!read.ok) return { kind: 'invalid', problems: [fileProblem(file, read.code === 'ENOENT' ? 'file not found' : 'file cannot be read')] };
  // Checked before anything of it is used or reported.
  if (readableByOthers(read.mode, platform)) return { kind: 'refused', refusal: secretsFileRefusal(file) };
  let data: unknown;
  try {
    data = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse's message quotes the text around the error, which may be a secret.
    return { kind: 'invalid', problems: [fileProblem(file, 'not valid JSON (its text is not shown: it holds secrets)')] };
  }
  const parsed = secretsFileSchema.safeParse(data);
  if (parsed.success) return { kind: 'loaded', secrets: parsed.data };
  return { kind: 'invalid', problems: schemaProblems(parsed.error).map(({ path, message }) => inSecretsFile(file, path, message)) };
}

function inSecretsFile(file: string, path: string, message: string): SchemaProblem {
  return { path, message: `${message} (in the secrets file ${file})` };
}

export type SecretsMerge = { readonly ok: true; readonly data: Record<string, unknown> } | { readonly ok: false; readonly problems: readonly SchemaProblem[] };

/**
 * Puts the secrets into parsed config JSON (current format) before it is validated. A secret set
 * in both places, or for a channel the config does not list, is a problem: which one counts would
 * be a guess.
 */
export function mergeSecrets(config: Record<string, unknown>, secrets: SecretsFile, file: string): SecretsMerge {
  const problems: SchemaProblem[] = [];
  const merged: Record<string, unknown> = { ...config };
  if (secrets.staff !== undefined) {
    const staff = isRecord(config.staff) ? config.staff : {};
    if ('pinHashes' in staff) problems.push(inSecretsFile(file, 'staff.pinHashes', 'is also in the config; keep it in one of the two files'));
    else merged.staff = { ...staff, pinHashes: secrets.staff.pinHashes };
  }
  if (secrets.help !== undefined) {
    const help = isRecord(config.help) ? config.help : {};
    const channels: unknown[] = Array.isArray(help.channels) ? [...(help.channels as unknown[])] : [];
    let changed = false;
    for (const [index, entry] of secrets.help.channels.entries()) {
      if (entry.secret === undefined) continue;
      const path = jsonPath(['help', 'channels', index, 'secret']);
      const channel = channels[index];
      if (!isRecord(channel)) {
        problems.push(inSecretsFile(file, path, `is for channel ${String(index + 1)}, which the config's "help.channels" does not list`));
      } else if ('secret' in channel) {
        problems.push(inSecretsFile(file, path, 'is also in the config; keep it in one of the two files'));
      } else {
        channels[index] = { ...channel, secret: entry.secret };
        changed = true;
      }
    }
    // Untouched otherwise, so that a malformed "help" is reported as the config has it.
    if (changed) merged.help = { ...help, channels };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data: merged };
}
