import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, SECRET_FILE_VARIABLES } from '@casetrack/config';

const ROOT = join(__dirname, '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** Every variable loadConfig reads, found by reading them: the environment is a proxy that notes each name asked. */
function variablesTheServiceReads(): string[] {
  const asked = new Set<string>();
  const env = new Proxy<Record<string, string | undefined>>(
    { NODE_ENV: 'test' },
    {
      get(target, name) {
        if (typeof name === 'string') asked.add(name);
        return typeof name === 'string' ? target[name] : undefined;
      },
    },
  );
  loadConfig(env);
  return [...asked].filter((name) => !name.endsWith('_FILE')).sort();
}

/** The names in the first column of the README's Configuration table. */
function variablesInTheReadme(): string[] {
  const section = read('README.md')
    .split(/^## Configuration$/m)[1]
    .split(/^## /m)[0];
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1])).sort();
}

/** The names of .env.example's lines, set or commented out (`NAME=` or `# NAME=`). */
function variablesInEnvExample(): string[] {
  return read('.env.example')
    .split('\n')
    .flatMap((line) => /^(?:# )?([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? [])
    .sort();
}

describe('the configuration, as read and as documented', () => {
  it('the README table lists exactly the variables the service reads', () => {
    expect(variablesInTheReadme()).toEqual(variablesTheServiceReads());
  });

  it('.env.example lists every one of them, and the *_FILE form of every secret', () => {
    const listed = variablesInEnvExample();
    expect(listed.filter((name) => !name.endsWith('_FILE'))).toEqual(variablesTheServiceReads());
    expect(listed.filter((name) => name.endsWith('_FILE'))).toEqual(
      SECRET_FILE_VARIABLES.map((name) => `${name}_FILE`).sort(),
    );
  });

  it('the README names every secret that may come from a file', () => {
    const readme = read('README.md');
    for (const name of SECRET_FILE_VARIABLES) expect(readme).toContain(`\`${name}_FILE\``);
  });
});
