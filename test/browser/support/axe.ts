import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once. */
let source: string | null = null;
function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations (WCAG 2.1 A/AA rules and
 * best practices). The script is evaluated through the DevTools protocol (`page.evaluate`), which the page's
 * Content-Security-Policy does not govern: the console's CSP stays on, unloosened (no `bypassCSP`), for the whole test.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // These callbacks run in the page: its globals are reached through globalThis (the tests compile without the DOM lib).
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource());
  const results = await page.evaluate(async () => {
    const page = globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<unknown> } };
    return page.axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
  });
  const violations = (results as { violations: AxeResult[] }).violations;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      // Where, what, and axe's own why (for contrast: the colours and the ratio), so the fix needs no second run.
      nodes: v.nodes.map(
        (n) =>
          `${n.target.map(String).join(' ')} ${n.html.slice(0, 120)} (${(n.failureSummary ?? '').replace(/\s+/g, ' ')})`,
      ),
    }));
}
