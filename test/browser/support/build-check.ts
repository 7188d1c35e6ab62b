import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const API_ENTRY = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const CONSOLE_INDEX = join(ROOT, 'dist', 'web', 'index.html');
/** What `npm run build` compiles: the service's sources and the console's. */
const SOURCES = ['apps', 'libs', 'migrations'];
const SOURCE_FILE = /\.(ts|tsx|json|css|html)$/;
/** Not part of what the build compiles: dependencies, build output and the console's component tests. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', 'dist', 'test', '__tests__']);

/**
 * The browser suites run the built service, as `npm start` does. CI runs `npm run build` before `npm test`, so a
 * missing or stale build here means someone ran the tests without building: say so plainly instead of testing old
 * code (building from inside jest would take minutes of the suite's time and hide the step CI relies on).
 */
export function assertBuildIsFresh(): void {
  const problems: string[] = [];
  if (!existsSync(API_ENTRY)) problems.push(`${relative(API_ENTRY)} is missing`);
  if (!existsSync(CONSOLE_INDEX)) problems.push(`${relative(CONSOLE_INDEX)} is missing (the console is not built)`);
  if (problems.length === 0) {
    const builtAt = Math.min(statSync(API_ENTRY).mtimeMs, statSync(CONSOLE_INDEX).mtimeMs);
    const newer = SOURCES.map((dir) => newerFile(join(ROOT, dir), builtAt)).find((file) => file !== null);
    if (newer) problems.push(`${relative(newer)} changed after the last build`);
  }
  if (problems.length > 0 && process.env.BROWSER_TESTS_ALLOW_STALE_BUILD === '1') {
    // For a checkout where others edit sources all the time: the build under test is said, never hidden.
    process.stderr.write(`browser tests: running a stale build (${problems.join('; ')})\n`);
  } else if (problems.length > 0) {
    throw new Error(
      `The browser tests run the built service (dist/): ${problems.join('; ')}. Run \`npm run build\` first.`,
    );
  }
}

/** The first source file under `dir` modified after `since`, or null; node_modules and build output are skipped. */
function newerFile(dir: string, since: number): string | null {
  if (!existsSync(dir)) return null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRECTORIES.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerFile(path, since);
      if (found) return found;
    } else if (SOURCE_FILE.test(entry.name) && !isTestFile(entry.name) && statSync(path).mtimeMs > since) {
      return path;
    }
  }
  return null;
}

/** Tests are not part of the build: editing one must not demand a rebuild. */
function isTestFile(name: string): boolean {
  return /\.(spec|test|int-spec|e2e-spec)\.tsx?$/.test(name);
}

function relative(path: string): string {
  return path.slice(ROOT.length + 1);
}
