/**
 * Reads `--config <file>` or `--config=<file>` from Electron's argv (which has extra entries).
 * Returns undefined when the flag is absent and null when it is there without a file.
 */
export function configArgument(argv: readonly string[]): string | undefined | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--config') {
      const value = argv[i + 1];
      return value === undefined || value === '' || value.startsWith('--') ? null : value;
    }
    if (arg?.startsWith('--config=')) return arg.slice('--config='.length) || null;
  }
  return undefined;
}
