import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** Starts a role's main from source with the given environment; it must stop before touching a database. */
function start(main: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('a bad rule set stops the process at start with its problems', () => {
  it.each(['apps/api/src/main.ts', 'apps/projector/src/main.ts'])('%s', (main) => {
    const result = start(main, { RULE_SETS: 'kz,nosuch' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `Invalid deadline rule sets (RULE_SETS):\n  - rules/nosuch.json: no such file in ${join(ROOT, 'rules')}\n`,
    );
  });
});
