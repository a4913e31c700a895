import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { importAliases } from './importAliases.ts';

/** Unit and integration tests: core and shared in plain Node, renderer logic without a browser. */
export default defineConfig({
  resolve: { alias: importAliases },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Forks, not threads: serialport's native code must run on a process's main thread.
    pool: 'forks',
    // Every core, not Vitest's default of one less: on a 2-core machine that would be one worker, and
    // many tests wait on child processes and timers more than they compute.
    maxWorkers: availableParallelism(),
    // Test files share their worker instead of a fresh process each: about a third less CPU for the
    // suite. Every file sets up what it uses (no module mocks, timers restored, globals unstubbed).
    isolate: false,
    testTimeout: 20_000,
    // A hook or a worker's teardown that never ends fails the run instead of hanging it.
    hookTimeout: 30_000,
    teardownTimeout: 30_000,
  },
});
