import type { Locator, Page } from 'playwright-core';
import type { Account } from './api-client';
import { failedResponses } from './browser';
import { en } from './messages';

/**
 * The field whose label is `text` (a catalogue message), whatever its kind (text, select, date). Mantine adds a " *"
 * to a required field's label; it is hidden from assistive technology but part of the label's text, hence the pattern.
 */
export function field(scope: Page | Locator, text: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(text)}(\\s*\\*)?$`));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Signs in through the console's own form (the session cookie route), as a person would, and waits for the board. */
export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  try {
    await page.goto('/sign-in');
    await field(page, en('console.signIn.email')).fill(account.email);
    await field(page, en('console.signIn.password')).fill(account.password);
    await page.getByRole('button', { name: en('console.signIn.submit') }).click();
    await page.waitForURL('**/board');
  } catch (error) {
    const answers = failedResponses(page.context()).join('\n  ');
    throw new Error(`Signing in failed at ${page.url()}; answers of 400 and above:\n  ${answers}`, { cause: error });
  }
}

/** The open dialog titled `title` (Mantine's Modal: role dialog, named by its title). */
export function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title });
}

/** Picks the option shown as `label` in the native select labelled `text`. */
export async function choose(scope: Page | Locator, text: string, label: string): Promise<void> {
  await field(scope, text).selectOption({ label });
}

/** The timeline's entries whose heading (the fact's type, from the catalogue) is exactly `type`. */
export function timelineEntries(page: Page, type: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: type, exact: true }) });
}

/** `YYYY-MM-DD` of the day `daysAgo` days before today, in `timeZone` (how a person in that zone types a date). */
export function dayInZone(daysAgo: number, timeZone: string): string {
  const instant = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** The case id a link to a case page carries. */
export async function caseIdOf(link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  const id = /\/cases\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
  if (!id) throw new Error(`not a link to a case: ${href}`);
  return id;
}

/**
 * Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user moves through the page, and
 * returns how the focused element looks (see `focusLook`), to compare with how it looks once the focus has moved on.
 */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<string> {
  await target.waitFor();
  for (let presses = 0; presses <= limit; presses++) {
    const focused = await target.evaluate((element) => {
      const el = element as unknown as { ownerDocument: { activeElement: unknown } };
      return el.ownerDocument.activeElement === element;
    });
    if (focused) return focusLook(target);
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} was not reached with ${limit} presses of Tab`);
}

/**
 * What shows focus on an element: outline, ring (box-shadow), border and background colours. Focus is visible when
 * this differs between the element focused and not (Mantine marks inputs by their border, buttons by an outline).
 */
export async function focusLook(target: Locator): Promise<string> {
  return target.evaluate(async (element) => {
    // Mantine eases the border colour in and out: the look is read once those transitions have ended (or were cut
    // short by the next change), else a fast machine reads the unfocused colour on a focused field.
    const animated = element as unknown as { getAnimations(): Array<{ finished: Promise<unknown> }> };
    await Promise.allSettled(animated.getAnimations().map((animation) => animation.finished));
    const view = (element as unknown as { ownerDocument: { defaultView: unknown } }).ownerDocument.defaultView as {
      getComputedStyle(e: unknown): Record<string, string>;
    };
    const style = view.getComputedStyle(element);
    return ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'borderColor', 'backgroundColor']
      .map((name) => style[name])
      .join('|');
  });
}
