import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSrc = fileURLToPath(new URL('../shared/src/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Deep imports (`@omnibus/shared/caps`) keep the importer and other modules the screens do not
    // use out of the bundle. zod is in it: the request layer is typed from the API contract, whose
    // table of operations (and the schemas it names) it reads for each operation's method and path.
    alias: [
      { find: /^@omnibus\/shared$/, replacement: `${sharedSrc}index.ts` },
      { find: /^@omnibus\/shared\/(.*)$/, replacement: `${sharedSrc}$1` },
    ],
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'http://127.0.0.1:3000', ws: true } } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], setupFiles: ['src/test/setup.ts'] },
});
