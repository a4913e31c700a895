// `npm test`: every check and test of the project, then one line of totals.
// Order: system prerequisites, type check, lint, translations (i18next-cli), unit/integration (Vitest), build, end-to-end (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './node24.mjs';
import { ensureSystemPrerequisites } from './system-prerequisites.mjs';

const results = join(appRoot, '.cache', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];

function bin(name) {
  return join(appRoot, 'node_modules', '.bin', name);
}

/** No step may hang the whole run: one that takes longer than this is stopped and counts as failed. */
const stepTimeoutMs = 50 * 60_000;

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: appRoot, stdio: 'inherit', env: { ...process.env, ...env }, timeout: stepTimeoutMs, killSignal: 'SIGKILL' });
  if (result.error?.code === 'ETIMEDOUT') console.log(`${name}: stopped after ${String(stepTimeoutMs / 60_000)} min`);
  const ok = result.status === 0;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

/** A check without test cases counts as one test. */
function gate(name, command, args) {
  const ok = step(name, command, args);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (!ensureSystemPrerequisites()) process.exit(1);

gate('type check (tsc -b: every layer with its own tsconfig.json)', bin('tsc'), ['-b', 'tsconfig.json']);
gate('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
gate('format (prettier --check; npm run format fixes it)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
gate('translations: every used key in all languages, no file out of date (i18next-cli extract --ci)', bin('i18next-cli'), [
  'extract',
  '--ci',
  '--dry-run',
  '--quiet',
]);
gate('translations: no unused keys (i18next-cli status --unused)', bin('i18next-cli'), ['status', '--unused']);
gate('translations: no missing translations (i18next-cli status)', bin('i18next-cli'), ['status']);
gate('translations: no hard-coded text in JSX (i18next-cli lint)', bin('i18next-cli'), ['lint', '--quiet']);

const unitFile = join(results, 'unit.json');
const unitOk = step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`]);
const unit = readJson(unitFile);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  if (!unitOk && unit.numFailedTests === 0) failed += 1; // e.g. a file that failed to load
} else {
  failed += 1;
}

const built = gate('build (vite + esbuild)', process.execPath, [join(appRoot, 'build', 'tools', 'run.mjs'), 'build']);

if (built) {
  const e2eFile = join(results, 'e2e.json');
  const e2eOk = step('end-to-end tests (playwright, Chromium host)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eFile });
  const e2e = existsSync(e2eFile) ? readJson(e2eFile) : null;
  if (e2e?.stats) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
    if (!e2eOk && e2e.stats.unexpected === 0) failed += 1;
  } else {
    failed += 1;
  }
}

console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
