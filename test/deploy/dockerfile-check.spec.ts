import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/check-dockerfile.sh');
const FILES = ['docker/Dockerfile', '.dockerignore', '.ci/run', 'scripts/use-node24.sh'];

/**
 * scripts/check-dockerfile.sh (in `npm run lint`) on the repository's own files, and on copies with one rule broken
 * each: every rule must be able to fail.
 */
describe('the Dockerfile check', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'casetrack-dockerfile-'));
    for (const file of FILES) cpSync(join(ROOT, file), join(root, file), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function edit(file: string, change: (text: string) => string): void {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${file} changed nothing`);
    writeFileSync(path, after);
  }

  function check(): { status: number | null; output: string } {
    const result = spawnSync('bash', [SCRIPT, root], { encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  }

  it("passes on the repository's Dockerfile, .dockerignore and .ci/run", () => {
    const result = check();
    expect(result.output).toMatch(/follow the rules \(node:24\.\d+\.\d+-bookworm-slim, as CI builds\)/);
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'a base image other than the Node.js CI runs',
      (t: string) => t.replace(/node:24[\d.]*-bookworm-slim/g, 'node:20-bookworm-slim'),
      /every stage must start from node:24/,
    ],
    [
      'a floating base image',
      (t: string) => t.replace(/node:24[\d.]*-bookworm-slim/g, 'node:24-bookworm-slim'),
      /FROM node:24-bookworm-slim/,
    ],
    ['npm install', (t: string) => t.replace(/RUN npm ci [^\n]*/, 'RUN npm install'), /never 'npm install'/],
    [
      'an npm ci unlike CI',
      (t: string) => t.replace(/RUN npm ci [^\n]*/, 'RUN npm ci'),
      /RUN npm ci: not a line of \.ci\/run/,
    ],
    ['no USER', (t: string) => t.replace(/^USER node\n/m, ''), /sets no USER/],
    ['USER root', (t: string) => t.replace(/^USER node$/m, 'USER root'), /must not run as root/],
    ['/app left to root', (t: string) => t.replace(/^RUN install -d [^\n]*\n/m, ''), /give \/app to node/],
    [
      'a copy owned by root',
      (t: string) => t.replace('COPY --from=build --chown=node:node /app/dist', 'COPY --from=build /app/dist'),
      /copies files as node/,
    ],
    ['no HEALTHCHECK', (t: string) => t.replace(/^HEALTHCHECK[^\n]*\n[^\n]*\n/m, ''), /no HEALTHCHECK/],
    ['a secret baked in', (t: string) => t.replace('PORT=3000', 'PORT=3000 MASTER_KEY=abc'), /no secret in the image/],
  ])('fails on %s', (_what, change, message) => {
    edit('docker/Dockerfile', change);
    const result = check();
    expect(result.output).toMatch(message);
    expect(result.status).toBe(1);
  });

  it('fails when CI no longer builds as the image does', () => {
    edit('.ci/run', (t) => t.replace(/^npm run build\n/m, ''));
    const result = check();
    expect(result.output).toMatch(/RUN npm run build: not a line of \.ci\/run/);
    expect(result.status).toBe(1);
  });

  it.each(['node_modules', '.git', '.env', '.local', 'dist', 'coverage', '.tools'])(
    'fails when .dockerignore lets %s into the build context',
    (entry) => {
      edit('.dockerignore', (t) =>
        t
          .split('\n')
          .filter((line) => line.replace(/\/$/, '') !== entry)
          .join('\n'),
      );
      const result = check();
      expect(result.output).toContain(`.dockerignore must list ${entry}`);
      expect(result.status).toBe(1);
    },
  );
});
