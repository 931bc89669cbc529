import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSrc = fileURLToPath(new URL('../shared/src/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Deep imports (`@omnibus/shared/caps`) keep server-only modules and zod out of the bundle:
    // the index re-exports request schemas built at module load, which no tree-shaker can drop.
    alias: [
      { find: /^@omnibus\/shared$/, replacement: `${sharedSrc}index.ts` },
      { find: /^@omnibus\/shared\/(.*)$/, replacement: `${sharedSrc}$1` },
    ],
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'http://127.0.0.1:3000', ws: true } } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], setupFiles: ['src/test/setup.ts'] },
});
