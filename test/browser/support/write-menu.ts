import type { Locator, Page } from 'playwright-core';
import { topicOf } from '../../../apps/web/src/features/case/forms/topics';
import { en } from './messages';

/** The case page's write menus (a navigation landmark named "Record a fact"). */
export function writeMenus(page: Page): Locator {
  return page.getByRole('navigation', { name: en('console.case.record') });
}

/** The button of the menu that holds the write `formId`. */
export function topicButton(page: Page, formId: string): Locator {
  return writeMenus(page).getByRole('button', { name: en(`console.case.topic.${topicOf(formId)}`), exact: true });
}

/** Opens the form `formId` as a person does: its topic's menu, then the write in it. */
export async function openWrite(page: Page, formId: string): Promise<void> {
  await topicButton(page, formId).click();
  await writeMenus(page)
    .getByRole('menuitem', { name: en(`console.form.${formId}.title`), exact: true })
    .click();
}

/** The titles of the writes the menu holding `formId` offers (opened, read, closed with Escape). */
export async function offeredBeside(page: Page, formId: string): Promise<string[]> {
  await topicButton(page, formId).click();
  const menu = writeMenus(page).getByRole('menu');
  await menu.waitFor();
  const titles = await menu.getByRole('menuitem').allInnerTexts();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  return titles.map((title) => title.trim());
}
