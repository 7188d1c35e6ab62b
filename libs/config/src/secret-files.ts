import { readFileSync } from 'node:fs';

/**
 * The variables that carry a secret (a password inside a URL, a key) and may therefore be given as a file instead:
 * `<NAME>_FILE=/run/secrets/...`, the convention of Docker secrets and of the official images (POSTGRES_PASSWORD_FILE),
 * so that the secret is in no container's environment, `docker inspect` or process listing.
 */
export const SECRET_FILE_VARIABLES = [
  'MASTER_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  'KURRENTDB_CONNECTION_STRING',
  'SMTP_URL',
  'WEBHOOK_SECRET',
  'BOOTSTRAP_ADMIN_PASSWORD',
] as const;

type Env = Record<string, string | undefined>;

/**
 * The environment with each `<NAME>_FILE` replaced by the file's content under `<NAME>`, trailing line breaks removed
 * (as the shell's `$(cat file)` does, so the file a compose secret and a shell script share reads the same). Problems
 * name the variable and the path, never the content.
 */
export function withSecretFiles(
  env: Env,
  problems: string[],
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Env {
  // The same object when no file is given (the common case outside containers); a copy otherwise.
  let resolved = env;
  for (const name of SECRET_FILE_VARIABLES) {
    const path = env[`${name}_FILE`];
    if (!path) continue;
    if (env[name]) {
      problems.push(`${name} and ${name}_FILE are both set: set one of them`);
      continue;
    }
    let content: string;
    try {
      content = readFile(path).replace(/(\r?\n)+$/, '');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push(`${name}_FILE: cannot read ${path} (${code})`);
      continue;
    }
    if (content === '') problems.push(`${name}_FILE: ${path} is empty`);
    else resolved = { ...resolved, [name]: content };
  }
  return resolved;
}
