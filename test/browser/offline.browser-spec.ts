import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { type Account, ApiClient, eventually } from './support/api-client';
import { auditPage } from './support/audit';
import { launchBrowser, launchPersistent, newContext } from './support/browser';
import { choose, dayInZone, dialog, field, signIn } from './support/console';
import { en } from './support/messages';
import { type RunningService, startService } from './support/service';
import { SUITE_START_MS } from './support/suite';
import { openWrite } from './support/write-menu';

const ZONE = 'Asia/Almaty';
const PASSPHRASE = 'seven long words make a passphrase';
/** Typed case text that must never be readable in the browser's storage. */
const CASE_NAME = 'Kairat Offlinebekov';
/** A case in no caseload: a coordinator keeps it on the device by hand. */
const PINNED_NAME = 'Saule Pinnedova';
const INTAKE_NAME = 'Асанов Ерлан Болатович';
const TESTIMONY = 'ударили дубинкой в камере ночью';
/** The README's offline screenshots come from here (SCREENSHOTS_DIR); otherwise a temporary folder, for a failing form's picture. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? join(tmpdir(), 'casetrack-offline-screenshots');

interface TimelineEvent {
  type: string;
  occurredAt: string | null;
  version: number;
}

/** An instant typed in a datetime-local field in Almaty (UTC+5), as the API records it. */
const almatyInstant = (day: string, time: string): number => Date.parse(`${day}T${time}:00+05:00`);

/**
 * Everything the page's origin keeps in IndexedDB and Cache Storage, as text: every record's keys and values (bytes
 * decoded as UTF-8, as Latin-1 and in base64) and every cached response's body. Run in the page (plain JavaScript:
 * the test's TypeScript has no DOM types).
 */
const READ_STORAGE = `(async () => {
  const out = [];
  const bytesText = (bytes) => {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return new TextDecoder().decode(bytes) + ' ' + btoa(binary) + ' ' + binary;
  };
  const flatten = (value) => {
    if (value instanceof ArrayBuffer) return bytesText(new Uint8Array(value));
    if (ArrayBuffer.isView(value)) return bytesText(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    if (Array.isArray(value)) return value.map(flatten).join(' ');
    if (value !== null && typeof value === 'object') {
      return Object.entries(value).map(([key, inner]) => key + ': ' + flatten(inner)).join(' ');
    }
    return String(value);
  };
  const asked = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  for (const info of await indexedDB.databases()) {
    const db = await asked(indexedDB.open(info.name));
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const keys = await asked(store.getAllKeys());
      const values = await asked(store.getAll());
      out.push('idb ' + info.name + '/' + storeName + ': ' + values.length + ' records', flatten(keys), flatten(values));
    }
    db.close();
  }
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      out.push('cache ' + cacheName + ' ' + request.url, response ? await response.text() : '');
    }
  }
  return out.join('\\n');
})()`;

async function readStorage(page: Page): Promise<string> {
  return page.evaluate<string>(READ_STORAGE);
}

/** The browser tells the page the connection is back (Chromium's emulation does too; twice is harmless). */
async function online(page: Page): Promise<void> {
  await page.evaluate('window.dispatchEvent(new Event("online"))');
}

function utf8Base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * Issue 18 in a real browser against the built service: the console installed by its service worker, a lawyer's
 * facts recorded with the network cut, the browser closed and opened again offline, the console opened from the
 * service worker and the encrypted vault, the facts sent once with their own occurredAt, a conflict held and
 * re-applied, and a sync whose answer was lost after the server recorded it.
 */
describe('the console without a connection (browser)', () => {
  let service: RunningService;
  let api: ApiClient;
  let coordinator: Account;
  let lawyer: Account;
  let caseId = '';
  let pinnedCaseId = '';
  let profile = '';
  /** One browser for the tests that need no profile on disk (starting chromium costs seconds). */
  let browser: Browser | null = null;
  const sharedBrowser = async (): Promise<Browser> => (browser ??= await launchBrowser());
  let context: BrowserContext | null = null;
  /** The page's console messages and errors, for a failing step's message (the console logs no case text). */
  const logs: string[] = [];

  beforeAll(async () => {
    service = await startService();
    api = new ApiClient(service.baseUrl);
    coordinator = await api.createAccount('coordinator', 'Dana Coordinator');
    lawyer = await api.createAccount('lawyer', 'Bolat Lawyer');
    caseId = (
      await api.post<{ caseId: string }>('/v1/cases', coordinator.token, {
        detainee: { fullName: CASE_NAME, city: 'Almaty' },
        source: { kind: 'relative' },
      })
    ).caseId;
    await api.post(`/v1/cases/${caseId}/lawyers`, coordinator.token, { lawyerId: lawyer.id, role: 'lead' });
    pinnedCaseId = (
      await api.post<{ caseId: string }>('/v1/cases', coordinator.token, {
        detainee: { fullName: PINNED_NAME, city: 'Almaty' },
        source: { kind: 'relative' },
      })
    ).caseId;
    profile = mkdtempSync(join(tmpdir(), 'casetrack-offline-profile-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, SUITE_START_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await service?.stop();
    if (profile !== '') rmSync(profile, { recursive: true, force: true });
  });

  const timeline = (): Promise<{ events: TimelineEvent[] }> =>
    api.get<{ events: TimelineEvent[] }>(`/v1/cases/${caseId}/timeline`, coordinator.token);
  const ofType = (events: TimelineEvent[], type: string): TimelineEvent[] => events.filter((e) => e.type === type);
  const entries = (page: Page): Locator => page.getByTestId('outbox-entry');

  /** Opens a form from the case page's menu, fills it, submits, and waits for it to close (kept or recorded). */
  async function record(page: Page, formId: string, fill: (form: Locator) => Promise<void>): Promise<void> {
    // The last write's toast ("kept on this device") may cover the menu: closed first, as a person would.
    for (const close of await page.locator('.mantine-Notifications-root button').all()) await close.click();
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
    await openWrite(page, formId);
    const form = dialog(page, en(`console.form.${formId}.title`));
    await fill(form);
    await form.getByRole('button', { name: en(`console.form.${formId}.submit`), exact: true }).click();
    await form.waitFor({ state: 'hidden' }).catch(async (error: unknown) => {
      await page.screenshot({ path: join(SCREENSHOTS, `stayed-open-${formId}.png`) });
      throw new Error(`${formId} stayed open: ${await form.innerText()}\n${logs.join('\n')}`, { cause: error });
    });
  }

  /** Sets offline use up on this device: the passphrase twice, then the first refresh of the offline set. */
  async function createVault(page: Page): Promise<void> {
    await page.goto('/offline');
    await field(page, en('offline.passphrase.new')).fill(PASSPHRASE);
    await field(page, en('offline.passphrase.repeat')).fill(PASSPHRASE);
    await page.getByRole('button', { name: en('offline.create') }).click();
    await page.getByText(/^Cases last refreshed/).waitFor();
  }

  /** Opens the case page (a new page load: the vault's key is gone from memory) and unlocks at the prompt. */
  async function openCase(page: Page, id = caseId, name = CASE_NAME): Promise<void> {
    await page.goto(`/cases/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const prompt = dialog(page, en('offline.prompt.title'));
    await field(prompt, en('offline.passphrase.label')).fill(PASSPHRASE);
    await prompt.getByRole('button', { name: en('offline.unlock.submit') }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: en('offline.keepHere') }).waitFor();
  }

  const detentionDay = dayInZone(6, ZONE);
  const transferDay = dayInZone(4, ZONE);

  it('records offline, survives closing the browser, opens offline from the vault, and syncs each fact once', async () => {
    context = await launchPersistent(profile, service.baseUrl);
    let page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
    await signIn(page, lawyer);

    // Offline use set up: the passphrase twice; the caseload is kept.
    await page.goto('/offline');
    await field(page, en('offline.passphrase.new')).fill(PASSPHRASE);
    await field(page, en('offline.passphrase.repeat')).fill(PASSPHRASE);
    await page.getByRole('button', { name: en('offline.create') }).click();
    await page.getByText(en('offline.status.vault.unlocked')).waitFor();
    await page.getByText(/^Cases last refreshed/).waitFor();
    // The service worker has the shell (every route's chunk) before the network goes.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.screenshot({ path: join(SCREENSHOTS, 'offline-page.png'), fullPage: true });
    // The page passes axe-core and shows no raw message key, like every page of the console.
    expect(await auditPage(page, 'offline page')).toEqual([]);

    await openCase(page);
    await context.setOffline(true);

    await record(page, 'detention', async (form) => {
      await choose(form, en('console.field.authority'), en('vocabulary.authority.police'));
      await field(form, en('console.field.place')).fill('IVS No. 1');
      await field(form, en('console.when.occurredAt')).fill(`${detentionDay}T09:30`);
    });
    await record(page, 'transfer', async (form) => {
      await choose(form, en('console.field.facilityKind'), en('vocabulary.facilityKind.temporary_detention'));
      await field(form, en('console.field.facilityName')).fill('SIZO No. 2');
      await field(form, en('console.field.city')).fill('Almaty');
      await field(form, en('console.when.occurredAt')).fill(`${transferDay}T14:00`);
    });
    await record(page, 'tortureAllegation', async (form) => {
      await field(form, en('console.field.periodFrom')).fill(detentionDay);
      await field(form, en('console.field.account')).fill(TESTIMONY);
    });
    await entries(page).nth(2).waitFor();
    expect(await entries(page).count()).toBe(3);
    await page.getByTestId('offline-banner').screenshot({ path: join(SCREENSHOTS, 'banner.png') });

    // A new person through intake, offline: kept, with a page of its own.
    await page.getByRole('link', { name: en('console.nav.intake') }).click();
    await field(page, en('console.intake.field.fullName')).fill(INTAKE_NAME);
    await choose(page, en('console.intake.field.sourceKind'), en('vocabulary.sourceKind.relative'));
    await page.getByRole('button', { name: en('console.intake.submit') }).click();
    await page.getByRole('heading', { name: en('offline.intake.keptTitle') }).waitFor();
    // Its own page, reachable from the answer: the kept opening, not on the server yet.
    await page.getByRole('link', { name: en('offline.intake.keptLink', { name: INTAKE_NAME }) }).click();
    await page.getByRole('heading', { level: 1, name: INTAKE_NAME }).waitFor();
    await entries(page).first().waitFor();

    // Nothing reached the server.
    expect(ofType((await timeline()).events, 'DetentionRecorded')).toHaveLength(0);

    // The browser closed and opened again on the same profile, still offline.
    await context.close();
    context = await launchPersistent(profile, service.baseUrl, { offline: true });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { name: en('offline.start.title') }).waitFor();
    await field(page, en('offline.passphrase.label')).fill('not the passphrase at all');
    await page.getByRole('button', { name: en('offline.unlock.submit') }).click();
    await page.getByText(en('offline.unlock.wrong-passphrase')).waitFor();
    await field(page, en('offline.passphrase.label')).fill(PASSPHRASE);
    await page.getByRole('button', { name: en('offline.unlock.submit') }).click();
    await page.getByRole('heading', { level: 1, name: CASE_NAME }).waitFor();
    await entries(page).nth(2).waitFor();
    expect(await entries(page).count()).toBe(3);

    // What a seized device holds: no name, no testimony, in any store, as text, UTF-8 bytes or base64.
    const stored = await readStorage(page);
    expect(stored).toMatch(/idb casetrack-offline\//);
    expect(stored).toMatch(/cache /);
    for (const secret of [CASE_NAME, INTAKE_NAME, TESTIMONY, 'SIZO No. 2']) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(utf8Base64(secret));
    }

    // Online: the session is asked again (sign in if the browser dropped its cookie), and the outbox goes.
    await context.setOffline(false);
    await online(page);
    const signInHeading = page.getByRole('button', { name: en('console.signIn.submit') });
    const synced = page.getByTestId('outbox-entry');
    await Promise.race([signInHeading.waitFor(), synced.first().waitFor({ state: 'detached', timeout: 30_000 })]);
    if (await signInHeading.isVisible()) {
      await field(page, en('console.signIn.email')).fill(lawyer.email);
      await field(page, en('console.signIn.password')).fill(lawyer.password);
      await signInHeading.click();
      await page.waitForURL('**/board');
    }
    const events = await eventually(timeline, (t) => ofType(t.events, 'TortureAllegationRecorded').length > 0);
    const detentions = ofType(events.events, 'DetentionRecorded');
    const transfers = ofType(events.events, 'DetaineeTransferred');
    expect(detentions).toHaveLength(1);
    expect(transfers).toHaveLength(1);
    expect(ofType(events.events, 'TortureAllegationRecorded')).toHaveLength(1);
    expect(Date.parse(detentions[0]?.occurredAt ?? '')).toBe(almatyInstant(detentionDay, '09:30'));
    expect(Date.parse(transfers[0]?.occurredAt ?? '')).toBe(almatyInstant(transferDay, '14:00'));
    const opened = await eventually(
      () =>
        api.get<{ items: Array<{ caseId: string }> }>(
          `/v1/cases?q=${encodeURIComponent(INTAKE_NAME)}`,
          coordinator.token,
        ),
      (list) => list.items.length > 0,
    );
    expect(opened.items).toHaveLength(1);
  }, 180_000);

  it('holds a fact that conflicts with one recorded meanwhile (412) until re-applied, and records it once', async () => {
    if (context === null) throw new Error('the first test left no browser');
    const page = context.pages()[0] ?? (await context.newPage());
    await openCase(page);
    await context.setOffline(true);
    await record(page, 'note', async (form) => {
      await field(form, en('console.field.noteText')).fill('Visited at the SIZO, he is in cell 12');
    });
    await entries(page).first().waitFor();
    // Meanwhile a coordinator records a fact on the same case.
    await api.post(`/v1/cases/${caseId}/notes`, coordinator.token, { text: 'Relatives called the hotline' });
    await context.setOffline(false);
    await online(page);
    const held = page.locator('[data-testid="outbox-entry"][data-state="held"]');
    await held.waitFor({ timeout: 40_000 });
    await held.getByText(en('console.conflict.title')).waitFor();
    await held.screenshot({ path: join(SCREENSHOTS, 'held-entry.png') });
    await held.getByRole('button', { name: en('console.conflict.reapply') }).click();
    await entries(page).first().waitFor({ state: 'detached', timeout: 30_000 });
    const events = await eventually(timeline, (t) => ofType(t.events, 'NoteAdded').length >= 2);
    expect(ofType(events.events, 'NoteAdded')).toHaveLength(2);
  }, 120_000);

  it('locks on sign-out, and keeps a case outside any caseload readable offline once kept on this device', async () => {
    const fresh = await newContext(await sharedBrowser(), service.baseUrl);
    try {
      const page = await fresh.newPage();
      await signIn(page, coordinator);
      await createVault(page);
      // The shell is in the service worker's cache before the network goes.
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');

      // Signing out locks. Signed in again in the same page (no page load, which would drop the key anyway), the
      // console asks for the passphrase and shows nothing kept in the vault until it is given.
      await page.getByRole('button', { name: en('console.layout.signOut') }).click();
      await page.waitForURL(/\/sign-in/);
      await field(page, en('console.signIn.email')).fill(coordinator.email);
      await field(page, en('console.signIn.password')).fill(coordinator.password);
      await page.getByRole('button', { name: en('console.signIn.submit') }).click();
      // Back where the person was (the offline page), the vault locked.
      await page.getByTestId('vault-state').getByText(en('offline.status.vault.locked')).waitFor();
      const prompt = dialog(page, en('offline.prompt.title'));
      await prompt.waitFor();
      await field(prompt, en('offline.passphrase.label')).fill(PASSPHRASE);
      await prompt.getByRole('button', { name: en('offline.unlock.submit') }).click();
      await prompt.waitFor({ state: 'detached' });

      // A coordinator has no caseload: this case is kept only because it is chosen here.
      await page
        .getByRole('navigation')
        .getByRole('link', { name: en('console.nav.board') })
        .click();
      await page.getByRole('link', { name: PINNED_NAME }).click();
      await page.getByRole('heading', { level: 1, name: PINNED_NAME }).waitFor();
      await page.getByRole('switch', { name: en('offline.keepHere') }).click();
      await page
        .getByRole('navigation')
        .getByRole('link', { name: en('offline.nav') })
        .click();
      // Named from the vault's copy of the case: the refresh stored it.
      await page.getByRole('main').getByRole('link', { name: PINNED_NAME }).waitFor();

      // Offline, a new page load: the shell from the service worker, the case from the vault once unlocked.
      await fresh.setOffline(true);
      await page.goto(`/cases/${pinnedCaseId}`);
      await page.getByRole('heading', { name: en('offline.start.title') }).waitFor();
      await field(page, en('offline.passphrase.label')).fill(PASSPHRASE);
      await page.getByRole('button', { name: en('offline.unlock.submit') }).click();
      await page.getByRole('heading', { level: 1, name: PINNED_NAME }).waitFor();
      expect(await page.getByRole('switch', { name: en('offline.keepHere') }).isChecked()).toBe(true);
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('sends a fact once when the server recorded it but the answer was lost', async () => {
    // With the service worker in the path, as on a person's device. The context's routing cuts the answer: the
    // page's routing met the request twice with a worker ("Route is already handled"), before it and as it fell
    // through to the network. The worker is checked to control the page, so the cut is made with it in place.
    const fresh = await newContext(await sharedBrowser(), service.baseUrl);
    try {
      const page = await fresh.newPage();
      await signIn(page, lawyer);
      await createVault(page);
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      await openCase(page);
      expect(await page.evaluate<boolean>('navigator.serviceWorker.controller !== null')).toBe(true);
      const before = ofType((await timeline()).events, 'NoteAdded').length;
      await fresh.setOffline(true);
      await record(page, 'note', async (form) => {
        await field(form, en('console.field.noteText')).fill('Lawyer admitted after two days');
      });
      await entries(page).first().waitFor();
      // The server gets the request and records it; the answer never reaches the browser.
      let cut = 0;
      await fresh.route('**/v1/cases/*/notes', async (route) => {
        if (cut > 0) return route.continue();
        cut += 1;
        await route.fetch();
        await route.abort('internetdisconnected');
      });
      await fresh.setOffline(false);
      await online(page);
      const recorded = await eventually(timeline, (t) => ofType(t.events, 'NoteAdded').length > before);
      expect(ofType(recorded.events, 'NoteAdded')).toHaveLength(before + 1);
      expect(cut).toBe(1);
      // The answer was lost: the entry is still on this device, to be sent again under the same key.
      await fresh.unroute('**/v1/cases/*/notes');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: en('offline.nav') })
        .click();
      const waiting = entries(page);
      if ((await waiting.count()) > 0) await page.getByRole('button', { name: en('offline.sendNow') }).click();
      await waiting.first().waitFor({ state: 'detached', timeout: 40_000 });
      const events = await timeline();
      // Replayed, not recorded again.
      expect(ofType(events.events, 'NoteAdded')).toHaveLength(before + 1);

      // Wiping the device leaves no casetrack database and no cache behind.
      await page.getByRole('button', { name: en('offline.wipe.button') }).click();
      await dialog(page, en('offline.wipe.title'))
        .getByRole('button', { name: en('offline.wipe.confirm') })
        .click();
      await page.getByText(en('offline.status.vault.absent')).waitFor();
      const left = await page.evaluate<string>(
        '(async () => JSON.stringify([(await indexedDB.databases()).map((d) => d.name), await caches.keys()]))()',
      );
      expect(JSON.parse(left)).toEqual([[], []]);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
