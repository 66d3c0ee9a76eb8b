import { defineConfig } from 'vitest/config';

// Astro builds share the project's .astro/ folder, so tests that build fixture
// sites run one file at a time in their own project.
const fixtureBuildTests = 'tests/unit/**/*build*.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [fixtureBuildTests],
        },
      },
      {
        test: {
          name: 'builds',
          include: [fixtureBuildTests],
          testTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One Chromium and one server per file; files run one after another on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
