import type { Logger } from '@casetrack/config';
import type * as TestAppModule from '../support/test-app';

/**
 * The write path's e2e suites once more, with the write cache off (WRITE_CACHE_CASES=0): every write folds the whole
 * stream. The same answers with the cache on (the suites' own run) and off show that no answer depends on it.
 */
jest.mock('../support/test-app', () => {
  const actual = jest.requireActual<typeof TestAppModule>('../support/test-app');
  return {
    ...actual,
    startTestApp: (env: Record<string, string> = {}, logger?: Logger) =>
      actual.startTestApp({ WRITE_CACHE_CASES: '0', ...env }, logger),
  };
});

import '../e2e/writes.e2e-spec';
import '../e2e/news-order.e2e-spec';
import '../e2e/concurrency.e2e-spec';
import '../e2e/conflicts.e2e-spec';
import '../e2e/idempotency.e2e-spec';

describe('writes without the cache', () => {
  it('run on an application whose write cache is off', async () => {
    const { startTestApp } = jest.requireMock<typeof TestAppModule>('../support/test-app');
    const t = await startTestApp();
    try {
      expect(t.config.writeCacheCases).toBe(0);
    } finally {
      await t.close();
    }
  });
});
