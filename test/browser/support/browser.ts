import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it when missing); CHROMIUM_PATH points elsewhere on other machines. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** One browser per test file (starting chromium costs seconds on this machine); a fresh context per test. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(
      `The browser tests need chromium at ${EXECUTABLE}: apt-get install chromium (.ci/run does it as root)`,
    );
  }
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
}

/**
 * A browser whose profile lives in `userDataDir`: closed and launched again on the same directory, it keeps its
 * IndexedDB, Cache Storage and service worker, as a person's browser does between two days (the offline test).
 */
export async function launchPersistent(
  userDataDir: string,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    args: ARGS,
    baseURL,
    ...PERSON,
    ...options,
  });
  return watched(context);
}

/**
 * A context with no state of its own (cookies, storage), English and a fixed zone unless asked otherwise, and a
 * desktop-sized window. `baseURL` lets tests write `page.goto('/cases')`.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    ...PERSON,
    ...options,
  });
  return watched(context);
}

/** English, Almaty's zone and a desktop-sized window unless a test asks otherwise. */
const PERSON: BrowserContextOptions = {
  locale: 'en-GB',
  timezoneId: 'Asia/Almaty',
  viewport: { width: 1280, height: 900 },
};

const failedAnswers = new WeakMap<BrowserContext, string[]>();

/** Every context: a step that finds nothing fails in seconds with what it waited for, not at jest's minute; answers of
 * 400 and above are kept for the test's failure message. */
function watched(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(15_000);
  const failed: string[] = [];
  failedAnswers.set(context, failed);
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return context;
}

/**
 * The answers of 400 and above the context's pages received, in order ("429 GET http://..."), for a failing step's
 * message: an expected 401 (no session yet) is among them, a 429 or a 5xx explains a page that never showed.
 */
export function failedResponses(context: BrowserContext): readonly string[] {
  return failedAnswers.get(context) ?? [];
}
