import type { Locator, Page } from 'playwright-core';
import type { Account } from './api-client';
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
  await page.goto('/sign-in');
  await field(page, en('console.signIn.email')).fill(account.email);
  await field(page, en('console.signIn.password')).fill(account.password);
  await page.getByRole('button', { name: en('console.signIn.submit') }).click();
  await page.waitForURL('**/board');
}
