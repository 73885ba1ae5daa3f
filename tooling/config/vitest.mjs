// Shared vitest project settings for every workspace package.
import { defineProject } from 'vitest/config';

/** @param {string} name */
export function packageTestConfig(name, overrides = {}) {
  return defineProject({
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 120_000,
      ...overrides,
    },
  });
}
