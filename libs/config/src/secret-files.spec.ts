import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

/** Secrets given as files (`<NAME>_FILE`), as Docker and compose secrets mount them. */
describe('secrets from files', () => {
  const KEY = randomBytes(32);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casetrack-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function secret(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  function problemsOf(env: Record<string, string>): string {
    try {
      loadConfig({ NODE_ENV: 'production', ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.join('\n');
      throw error;
    }
    throw new Error('expected a ConfigError');
  }

  it('reads every secret from its file, without the trailing line break an editor or echo leaves', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MASTER_KEY_FILE: secret('master_key', `${KEY.toString('hex')}\n`),
      DATABASE_URL_FILE: secret('database_url', 'postgres://casetrack:s3cret@postgres:5432/casetrack\r\n'),
      REDIS_URL_FILE: secret('redis_url', 'redis://:an0ther@redis:6379\n\n'),
      KURRENTDB_CONNECTION_STRING_FILE: secret('kurrentdb', 'kurrentdb://admin:pw@kurrentdb:2113?tls=true'),
      EVENT_STORE: 'kurrentdb',
      SMTP_URL_FILE: secret('smtp_url', 'smtps://mailer:pw@smtp.example.org:465\n'),
      WEBHOOK_SECRET_FILE: secret('webhook_secret', 'a-webhook-secret-of-some-length\n'),
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD_FILE: secret('admin_password', 'a long admin password \n'),
    });
    expect(config.masterKey.equals(KEY)).toBe(true);
    expect(config.databaseUrl).toBe('postgres://casetrack:s3cret@postgres:5432/casetrack');
    expect(config.redisUrl).toBe('redis://:an0ther@redis:6379');
    expect(config.kurrentDbConnectionString).toBe('kurrentdb://admin:pw@kurrentdb:2113?tls=true');
    expect(config.delivery.smtpUrl).toBe('smtps://mailer:pw@smtp.example.org:465');
    expect(config.delivery.webhookSecret).toBe('a-webhook-secret-of-some-length');
    // Only line breaks go: a space that ends a password is part of it.
    expect(config.bootstrapAdmin).toEqual({ email: 'admin@example.org', password: 'a long admin password ' });
  });

  it('validates what a file holds like the variable itself', () => {
    expect(problemsOf({ MASTER_KEY_FILE: secret('short_key', 'abcd\n') })).toMatch(/MASTER_KEY must be 32 bytes/);
  });

  it('refuses a variable given both ways, so that nobody wonders which one won', () => {
    const problems = problemsOf({ MASTER_KEY: KEY.toString('hex'), MASTER_KEY_FILE: secret('key', 'x') });
    expect(problems).toMatch(/MASTER_KEY and MASTER_KEY_FILE are both set/);
  });

  it('takes an empty variable as unset, so that a compose override can hand a secret over to its file', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      MASTER_KEY: '',
      MASTER_KEY_FILE: secret('key', KEY.toString('hex')),
    });
    expect(config.masterKey.equals(KEY)).toBe(true);
  });

  it('names a missing or empty file, or a folder, and never prints what a file holds', () => {
    const problems = problemsOf({
      MASTER_KEY_FILE: join(dir, 'missing'),
      WEBHOOK_SECRET_FILE: secret('empty', '\n'),
      DATABASE_URL_FILE: dir,
      REDIS_URL_FILE: secret('redis_url', 'never-printed-secret'),
    });
    expect(problems).toMatch(new RegExp(`MASTER_KEY_FILE: cannot read ${join(dir, 'missing')} \\(ENOENT\\)`));
    expect(problems).toMatch(/WEBHOOK_SECRET_FILE: .*empty is empty/);
    expect(problems).toMatch(/DATABASE_URL_FILE: cannot read .* \(EISDIR\)/);
    expect(problems).toMatch(/REDIS_URL is not a valid URL/);
    expect(problems).not.toMatch(/never-printed-secret/);
  });

  it('ignores *_FILE variables that name no secret of casetrack', () => {
    const config = loadConfig({ NODE_ENV: 'test', PORT_FILE: join(dir, 'missing'), NODE_EXTRA_FILE: 'x' });
    expect(config.port).toBe(3000);
  });
});
