// Vite builds the browser app in web/; Vitest runs every test under test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'web',
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start HTTPS servers, brokers and ptys; two forks fit the 2-core machine.
    pool: 'forks',
  },
});
