import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { importAliases } from './importAliases.ts';

/** Builds the kiosk UI (renderer/) into dist/renderer, served by both hosts. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: importAliases },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
