import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// vitest's own transform drops decorator metadata, which type-graphql needs: swc keeps it.
export default defineConfig({
  // One copy of graphql-js for our code and type-graphql (which Node loads as CommonJS):
  // two copies would fail instanceof checks on our scalar.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  plugins: [swc.vite({ jsc: { transform: { legacyDecorator: true, decoratorMetadata: true } } })],
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each test file boots its own database (PGlite, or a fresh PostgreSQL database): files run
    // in parallel on the machine's two cores, tests within a file in order.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
