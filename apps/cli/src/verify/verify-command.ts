import { readFileSync, writeFileSync } from 'node:fs';
import { buildDigestFile, createPool, type DigestFile, DigestFileError, parseDigestFile } from '@casetrack/event-store';
import { type StoreReport, verifyStore } from './store-verification';
import type { VerifyArgs } from './verify-arguments';

/** Runs `verify`; resolves to the process exit code (0 all good, 1 something was changed or is missing). */
export async function runVerify(args: VerifyArgs, databaseUrl: string, now = new Date()): Promise<number> {
  const against = args.mode === 'against' ? readDigest(args.file, args.expect) : undefined;
  const pool = createPool(databaseUrl, { max: 1 });
  try {
    const report = await verifyStore(pool, { against, progress: process.stderr });
    printBroken(report);
    if (args.mode === 'all') return writeDigest(report, args.out, now);
    return printAgainst(report, against as DigestFile);
  } finally {
    await pool.end();
  }
}

function readDigest(path: string, expect: string | null): DigestFile {
  const file = parseDigestFile(readFileSync(path, 'utf8'));
  if (expect !== null && expect.toLowerCase() !== file.digest) {
    throw new DigestFileError(`The file's digest ${file.digest} is not the expected ${expect}`);
  }
  return file;
}

function writeDigest(report: StoreReport, out: string | null, now: Date): number {
  const file = buildDigestFile(report.heads, now);
  const path = out ?? `casetrack-digest-${file.createdAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  const ok = report.broken.length === 0;
  process.stdout.write(
    `${ok ? 'OK' : 'BROKEN'}: ${report.streams} streams, ${report.events} events, ` +
      `${report.broken.length} broken\ndigest file: ${path}\nsha256 digest of all stream heads: ${file.digest}\n`,
  );
  return ok ? 0 : 1;
}

function printAgainst(report: StoreReport, digest: DigestFile): number {
  for (const f of report.digestFindings) {
    process.stdout.write(`CHANGED since the digest: ${f.streamId} at version ${f.version}: ${f.problem}\n`);
  }
  const ok = report.digestFindings.length === 0 && report.broken.length === 0;
  process.stdout.write(
    `${ok ? 'OK' : 'NOT OK'}: digest ${digest.digest} of ${digest.createdAt} covers ${digest.events} events in ` +
      `${digest.streams} streams; ${report.digestFindings.length} of them changed or missing; ` +
      `${report.broken.length} broken chains now (${report.events} events in ${report.streams} streams)\n`,
  );
  return ok ? 0 : 1;
}

function printBroken(report: StoreReport): void {
  for (const b of report.broken) {
    process.stdout.write(`BROKEN chain: ${b.streamId} at version ${b.brokenAtVersion}: ${b.problem}\n`);
  }
}
