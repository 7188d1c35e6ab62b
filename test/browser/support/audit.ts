import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';

/** A catalogue key shown instead of its text (`console.form.note.title`): a message missing from a catalogue. */
const MESSAGE_KEY = /\b(?:console|vocabulary|dossier|roles)\.[A-Za-z]+(?:\.[A-Za-z0-9_-]+)+/g;

/**
 * What is wrong with the page as it is now, one line per finding, named after `pageName`: serious and critical
 * axe-core violations, and catalogue keys in its text or in the labels assistive technology reads (aria-label,
 * title, placeholder). Tests collect these over every page they visit and expect none.
 */
export async function auditPage(page: Page, pageName: string): Promise<string[]> {
  const findings = (await withoutMotion(page, () => seriousViolations(page))).map(
    (v) => `${pageName}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`,
  );
  const texts = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: DocumentLike }).document;
    const labelled = Array.from(doc.querySelectorAll('[aria-label], [title], [placeholder]')).flatMap((element) =>
      ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [doc.body.innerText, ...labelled];
  });
  const keys = new Set(texts.flatMap((text) => text.match(MESSAGE_KEY) ?? []));
  if (keys.size > 0) findings.push(`${pageName}: message keys shown instead of text: ${[...keys].sort().join(', ')}`);
  const clipped = await clippedControls(page);
  if (clipped.length > 0) findings.push(`${pageName}: buttons and links whose text is cut off: ${clipped.join(', ')}`);
  return findings;
}

/**
 * Runs `audit` with every transition and animation cut to nothing, as Playwright's screenshots do: colours measured
 * halfway through a fade (a notification arriving or leaving over a dialog's overlay) are not the page's colours,
 * and a notification closing by itself can start fading while axe-core runs. The console changes state by timers,
 * not by transition events, so what the page shows is unchanged.
 */
async function withoutMotion<T>(page: Page, audit: () => Promise<T>): Promise<T> {
  const style = await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): Array<{ playState: string }> } }).document
      .getAnimations()
      .every((animation) => animation.playState !== 'running'),
  );
  try {
    return await audit();
  } finally {
    await style.evaluate((element) => (element as unknown as { remove(): void }).remove());
  }
}

/**
 * Visible buttons and links whose text does not fit: the element, or a part of it that hides what overflows, is
 * narrower than its content (a longer translation cut to "Шы" in a header). Answered as their texts.
 */
async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface Box {
      scrollWidth: number;
      clientWidth: number;
      innerText: string;
      getClientRects(): ArrayLike<unknown>;
      querySelectorAll(selector: string): ArrayLike<Box>;
    }
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Box> } }).document;
    const view = globalThis as unknown as { getComputedStyle(e: Box): { overflowX: string } };
    const cut = (box: Box): boolean =>
      // More than a few pixels: a glyph's overhang is no cut-off word.
      box.scrollWidth > box.clientWidth + 4 && view.getComputedStyle(box).overflowX !== 'visible';
    return Array.from(doc.querySelectorAll('button, a[href]'))
      .filter((control) => control.getClientRects().length > 0 && control.innerText.trim() !== '')
      .filter((control) => cut(control) || Array.from(control.querySelectorAll('*')).some(cut))
      .map((control) => JSON.stringify(control.innerText.trim()));
  });
}

/** The little of the DOM the page-side callback uses (the tests compile without the DOM lib). */
interface DocumentLike {
  body: { innerText: string };
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}
