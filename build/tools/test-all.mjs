// `npm test`: every check and test of the project, then one line of totals.
// Order: system prerequisites; then side by side the unit/integration tests (Vitest), lint, and the other checks (type
// check, format, translations with i18next-cli) followed by the build; then end-to-end (Playwright).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appRoot } from './node24.mjs';
import { ensureSystemPrerequisites } from './system-prerequisites.mjs';

const results = join(appRoot, '.cache', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
/** The names of the tests that failed, repeated after the summary so the end of a long log shows them. */
const failures = [];

function bin(name) {
  return join(appRoot, 'node_modules', '.bin', name);
}

/** No step may hang the whole run: one that takes longer than this is stopped and counts as failed. */
const stepTimeoutMs = 50 * 60_000;

/**
 * Runs one step. `live`: its output goes straight to the terminal; otherwise it is collected and
 * printed as one block when the step ends, so steps running side by side do not mix their lines.
 */
function step(name, command, args, { env = {}, live = false } = {}) {
  const started = Date.now();
  if (live) console.log(`\n=== ${name} ===`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: appRoot, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, stepTimeoutMs);
    const finish = (ok) => {
      clearTimeout(timer);
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!live) {
        console.log(`\n=== ${name} ===`);
        process.stdout.write(Buffer.concat(output));
      }
      if (timedOut) console.log(`${name}: stopped after ${String(stepTimeoutMs / 60_000)} min`);
      summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${String(seconds)} s)`);
      resolve(ok);
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${String(error.message)}\n`));
      finish(false);
    });
    child.on('close', (code) => finish(code === 0 && !timedOut));
  });
}

/** A check without test cases counts as one test. */
async function gate(name, command, args) {
  const ok = await step(name, command, args);
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

/** Playwright's JSON report: the titles of the tests whose outcome was unexpected. */
function failedSpecs(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => (spec.tests ?? []).some((t) => t.status === 'unexpected'))
      .map((spec) => `${spec.file}:${String(spec.line)} › ${spec.title}`),
    ...failedSpecs(suite.suites ?? []),
  ]);
}

if (!ensureSystemPrerequisites()) process.exit(1);

/**
 * The static checks and the build. Lint is the longest check (type-aware rules over every layer):
 * it runs beside the others, which go one after the other and end with the build.
 */
async function checksAndBuild() {
  const lint = gate('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
  await gate('type check (tsc -b: every layer with its own tsconfig.json)', bin('tsc'), ['-b', 'tsconfig.json']);
  await gate('format (prettier --check; npm run format fixes it)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  await gate('translations: every used key in all languages, no file out of date (i18next-cli extract --ci)', bin('i18next-cli'), [
    'extract',
    '--ci',
    '--dry-run',
    '--quiet',
  ]);
  await gate('translations: no unused keys (i18next-cli status --unused)', bin('i18next-cli'), ['status', '--unused']);
  await gate('translations: no missing translations (i18next-cli status)', bin('i18next-cli'), ['status']);
  await gate('translations: no hard-coded text in JSX (i18next-cli lint)', bin('i18next-cli'), ['lint', '--quiet']);
  const built = await gate('build (vite + esbuild)', process.execPath, [join(appRoot, 'build', 'tools', 'run.mjs'), 'build']);
  await lint;
  return built;
}

/** Vitest beside the checks (its workers share the machine's cores with them). */
async function unitTests() {
  const unitFile = join(results, 'unit.json');
  const unitOk = await step('unit and integration tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${unitFile}`,
  ]);
  const unit = readJson(unitFile);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
    skipped += unit.numPendingTests + unit.numTodoTests;
    if (!unitOk && unit.numFailedTests === 0) failed += 1; // e.g. a file that failed to load
    for (const file of unit.testResults ?? []) {
      const name = relative(appRoot, file.name);
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failedTests) failures.push(`vitest: ${name} > ${t.fullName}`);
      if (file.status === 'failed' && failedTests.length === 0) failures.push(`vitest: ${name}: ${String(file.message ?? 'failed').split('\n')[0]}`);
    }
  } else {
    failed += 1;
  }
}

const [built] = await Promise.all([checksAndBuild(), unitTests()]);

if (built) {
  const e2eFile = join(results, 'e2e.json');
  const e2eOk = await step('end-to-end tests (playwright, Chromium host)', bin('playwright'), ['test'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eFile },
    live: true,
  });
  const e2e = existsSync(e2eFile) ? readJson(e2eFile) : null;
  if (e2e?.stats) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
    if (!e2eOk && e2e.stats.unexpected === 0) failed += 1;
    failures.push(...failedSpecs(e2e.suites ?? []).map((name) => `playwright: ${name}`));
  } else {
    failed += 1;
  }
}

console.log('\n=== summary ===');
for (const line of summary) console.log(line);
if (failures.length > 0) console.log(`failed:\n${failures.map((name) => `  ${name}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
