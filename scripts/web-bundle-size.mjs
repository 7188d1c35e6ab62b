// The console's initial JavaScript (the entry script and the chunks index.html preloads), gzipped: printed after
// every build, and the build fails above the budget (300 KB) so that a heavy import in the first route is noticed.
import console from 'node:console';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..', 'dist', 'web');
const budget = 300 * 1024;
const html = readFileSync(join(root, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map(
  (m) => m[1],
);
let total = 0;
for (const file of new Set(files)) {
  const size = gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`console initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${budget / 1024} KB)`);
if (total > budget) {
  console.error('the console initial JavaScript is over budget');
  process.exit(1);
}
