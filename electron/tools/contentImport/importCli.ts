import { isAbsolute, join, resolve } from 'node:path';
import { importDldbFolder } from './dldbImporter';
import { formatProblem, type ImportOutcome } from './importTypes';
import { importLeikaFile } from './leikaImporter';
import { packFilesOf, packJson, writeFilesAtomic } from './packFiles';

/**
 * `npm run content:import -- --from leika <csv> [--out <dir>]` and `--from dldb <dir> [--out <dir>]`:
 * imports a foreign service catalogue into a content pack's services and topics files,
 * `<dir>/<from>-services.json` and `<dir>/<from>-topics.json` (default: the current folder).
 * Exit codes: 0 written, 1 unusable input or nothing written, 2 wrong arguments.
 */

export const importSources = ['leika', 'dldb'] as const;
export type ImportSource = (typeof importSources)[number];

export interface ImportArgs {
  readonly from: ImportSource;
  readonly input: string;
  readonly outDir: string;
}

export type ArgsOutcome = { readonly ok: true; readonly args: ImportArgs } | { readonly ok: false; readonly error: string };

export const usage = 'usage: npm run content:import -- --from leika <file.csv> | --from dldb <folder> [--out <folder>]';

function isSource(value: string | undefined): value is ImportSource {
  return (importSources as readonly (string | undefined)[]).includes(value);
}

/** Parses the command line (after `--`); relative paths are taken from `cwd`. */
export function parseImportArgs(argv: readonly string[], cwd: string): ArgsOutcome {
  let from: string | undefined;
  let input: string | undefined;
  let out: string | undefined;
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at] ?? '';
    if (arg === '--from' || arg === '--out') {
      const value = argv[at + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `${arg} needs a value` };
      at++;
      if (arg === '--from') {
        from = value;
        // The input follows its source: `--from leika <csv>`.
        const next = argv[at + 1];
        if (next !== undefined && !next.startsWith('--')) {
          input = next;
          at++;
        }
      } else out = value;
    } else if (!arg.startsWith('--') && input === undefined) input = arg;
    else return { ok: false, error: `unexpected argument "${arg}"` };
  }
  if (from === undefined) return { ok: false, error: '--from leika|dldb is missing' };
  if (!isSource(from)) return { ok: false, error: `unknown source "${from}" (expected ${importSources.join(' or ')})` };
  if (input === undefined) return { ok: false, error: `the ${from === 'leika' ? 'CSV file' : 'DLDB folder'} is missing` };
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(cwd, path));
  return { ok: true, args: { from, input: absolute(input), outDir: absolute(out ?? '.') } };
}

/** Where the CLI writes to: lines for the user and lines for errors. */
export interface CliOutput {
  readonly info: (line: string) => void;
  readonly error: (line: string) => void;
}

async function runImporter(args: ImportArgs): Promise<ImportOutcome> {
  return args.from === 'leika' ? importLeikaFile(args.input) : importDldbFolder(args.input);
}

/** Runs the import command and returns its exit code; never throws for bad input. */
export async function runImportCli(argv: readonly string[], cwd: string, output: CliOutput): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.info(usage);
    return 0;
  }
  const parsed = parseImportArgs(argv, cwd);
  if (!parsed.ok) {
    output.error(`content:import: ${parsed.error}`);
    output.error(usage);
    return 2;
  }
  const { args } = parsed;
  const outcome = await runImporter(args);
  if (!outcome.ok) {
    output.error(`content:import: ${outcome.error}`);
    return 1;
  }
  const { result } = outcome;
  const files = packFilesOf(result);
  if (!files.ok) {
    output.error(`content:import: nothing written, the importer produced an invalid pack: ${files.error}`);
    return 1;
  }
  output.info(`imported ${result.services.length} services and ${result.topics.length} topics from ${args.input}`);
  output.info(`skipped ${result.skipped.length}${result.skipped.length > 0 ? ':' : ''}`);
  for (const problem of result.skipped) output.info(`  ${formatProblem(problem)}`);
  if (result.notes.length > 0) output.info(`imported with changes ${result.notes.length}:`);
  for (const problem of result.notes) output.info(`  ${formatProblem(problem)}`);
  for (const remark of result.remarks) output.info(`note: ${remark}`);
  const servicesPath = join(args.outDir, `${args.from}-services.json`);
  const topicsPath = join(args.outDir, `${args.from}-topics.json`);
  try {
    await writeFilesAtomic([
      { path: servicesPath, text: packJson(files.services) },
      { path: topicsPath, text: packJson(files.topics) },
    ]);
  } catch (error) {
    output.error(`content:import: cannot write to ${args.outDir}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  output.info(`wrote ${servicesPath}`);
  output.info(`wrote ${topicsPath}`);
  return 0;
}
