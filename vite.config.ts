// Vite builds the browser app in web/; Vitest runs every test under test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'web',
  // three.js is most of the bundle (~600 kB raw, ~160 kB gzip; `npm run bench -- web-bundle`): one chunk is
  // fine for a view served locally, so Vite's 500 kB warning is raised rather than split for its own sake.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start HTTPS servers, brokers and ptys; two forks fit the 2-core machine.
    pool: 'forks',
  },
});
