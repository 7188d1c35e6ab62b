import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from '../../support/free-port';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own (Debian's pg_createcluster, as root), on a free port with trust
 * authentication, so that a test may stop it with `-m immediate` without touching anyone else's database.
 * Commands run asynchronously: the application under test lives in the same process and must keep serving.
 */
export class PgCluster {
  readonly version: string;
  port = 0;

  constructor(readonly name: string) {
    if (!/^casetrack_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to manage cluster ${name}: not a test cluster`);
    this.version = installedVersion();
  }

  /** Creates the cluster (stopped), removing first a stale one of the same name that an earlier run left. */
  async create(): Promise<void> {
    await this.drop();
    this.port = await freePort();
    await run('pg_createcluster', [
      '--start-conf=manual',
      '-p',
      String(this.port),
      // Durability against a crash of the machine is not what is tested: a stopped server keeps its WAL in the
      // page cache. synchronous_commit stays on, so an acknowledged commit is in the WAL.
      '-o',
      'fsync=off',
      this.version,
      this.name,
      '--',
      '--auth=trust',
    ]);
  }

  async start(): Promise<void> {
    await this.ctl('start');
  }

  /** Stops the server at once, as a crash would: no checkpoint, every connection cut. */
  async stopImmediately(): Promise<void> {
    await this.ctl('stop', '-m', 'immediate');
  }

  async drop(): Promise<void> {
    if (!existsSync(`/etc/postgresql/${this.version}/${this.name}`)) return;
    await run('pg_dropcluster', ['--stop', this.version, this.name]);
  }

  url(database: string, password: string): string {
    return `postgres://postgres:${password}@127.0.0.1:${this.port}/${database}`;
  }

  private async ctl(...action: string[]): Promise<void> {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', this.version, this.name, ...action]);
  }
}

function installedVersion(): string {
  const versions = readdirSync('/etc/postgresql').filter((entry) => /^\d+$/.test(entry));
  if (versions.length === 0) throw new Error('No PostgreSQL cluster version under /etc/postgresql');
  return versions.sort((a, b) => Number(b) - Number(a))[0];
}
