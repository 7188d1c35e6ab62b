import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { type RunningService, type ServiceOptions, startService } from './service';

export interface BrowserSuite {
  service: RunningService;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * One service and one browser for a test file. Started one after the other, so that a service that fails to start
 * leaves no browser process behind to keep jest from exiting.
 */
export async function startSuite(options: ServiceOptions = {}): Promise<BrowserSuite> {
  const service = await startService(options);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await service.stop();
    throw error;
  }
  return {
    service,
    browser,
    close: async () => {
      await browser.close();
      await service.stop();
    },
  };
}

/**
 * Jest time limits for the browser files: starting a service and a browser, and a long flow of pages, on a loaded
 * two-core machine. Limits only, so that a hang fails; nothing asserts a duration.
 */
export const SUITE_START_MS = 150_000;
export const FLOW_MS = 120_000;
