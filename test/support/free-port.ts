import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Ports below the kernel's ephemeral range start here: clear of the well-known ones a developer may run. */
const LOWEST = 20_000;

/**
 * A TCP port on 127.0.0.1 that nothing listens on at the moment of asking, for a server a test starts itself (a
 * child process that binds it a moment later). It is taken below the kernel's ephemeral range: a port the kernel
 * handed out was free again once probed, and the next `listen(0)` in another test (supertest binds one per request)
 * could get it first, so that the test spoke to another test's server (CI saw a sign-in refused that way).
 */
export async function freePort(): Promise<number> {
  const highest = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port found between ${LOWEST} and ${highest}`);
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && low > LOWEST + 1_000 ? low : 32_768;
  } catch {
    return 32_768; // Linux's default, where /proc does not say
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
