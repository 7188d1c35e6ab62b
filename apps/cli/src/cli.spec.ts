import { type CliOutput, runCli } from './cli';

const COMMANDS = ['migrate', 'verify', 'rebuild', 'seed', 'event-store:copy'];

/** Runs one command line in this process and keeps what it printed. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const printed = { stdout: '', stderr: '' };
  const out: CliOutput = {
    stdout: { write: (text: string) => (printed.stdout += text) },
    stderr: { write: (text: string) => (printed.stderr += text) },
  };
  const code = await runCli(argv, out);
  return { code, ...printed };
}

describe('casetrack-cli', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, STARTUP_WAIT_SECONDS: process.env.STARTUP_WAIT_SECONDS };

  // A command that ran by mistake would reach for this database and fail the test, instead of seeding a real one.
  beforeAll(() => {
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/not_here';
    process.env.STARTUP_WAIT_SECONDS = '0';
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('prints the list of commands on stderr with exit code 2 when no command is given', async () => {
    const result = await cli();
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^casetrack-cli: no command given\n\nusage: casetrack-cli <command>/);
    for (const name of COMMANDS) expect(result.stderr).toContain(`\n  ${name} `);
  });

  it.each([['--help'], ['-h'], ['help']])('prints the list of commands on stdout for %s', async (flag) => {
    const result = await cli(flag);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^usage: casetrack-cli <command>/);
  });

  it('refuses an unknown command and names the one it was probably meant to be', async () => {
    expect(await cli('verfy', '--all')).toMatchObject({ code: 2, stdout: '' });
    expect((await cli('verfy', '--all')).stderr).toMatch(
      /^casetrack-cli: unknown command 'verfy' \(did you mean verify\?\)/,
    );
    expect((await cli('deploy')).stderr).toMatch(/^casetrack-cli: unknown command 'deploy'\n\nusage:/);
  });

  it.each(COMMANDS)('%s: refuses an unknown option with exit code 2 and its usage, and runs nothing', async (name) => {
    const result = await cli(name, '--nope');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(
      new RegExp(`^casetrack-cli ${name}: unknown option --nope\n\nusage: casetrack-cli ${name}`),
    );
    expect(result.stderr).toContain('-h, --help');
  });

  it.each(COMMANDS)('%s: prints its usage on stdout for --help, with exit code 0, and runs nothing', async (name) => {
    const result = await cli(name, '--help');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^usage: casetrack-cli ${name}`));
    expect(result.stdout).toContain('\noptions:\n');
  });

  it.each(['migrate', 'rebuild'])('%s: takes no arguments at all', async (name) => {
    expect((await cli(name, 'now')).stderr).toMatch(new RegExp(`^casetrack-cli ${name}: Unexpected argument 'now'`));
    expect((await cli(name, '--help=yes')).code).toBe(2);
  });

  it('seed --case 10 is refused: it no longer seeds the default 1,000 cases', async () => {
    const result = await cli('seed', '--case', '10');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^casetrack-cli seed: unknown option --case \(did you mean --cases\?\)\n\nusage:/);
  });

  it('lists every option of a command with its placeholder in that command usage', async () => {
    const { stdout } = await cli('event-store:copy', '--help');
    for (const option of ['--from postgres', '--to kurrentdb', '--batch-size <n>', '--verify-only']) {
      expect(stdout).toContain(`\n  ${option} `);
    }
  });
});
