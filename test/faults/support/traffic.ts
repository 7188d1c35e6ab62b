import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { App } from 'supertest/types';
import { get, post } from '../../support/e2e';

/** A write the API acknowledged with 201: what it answered, under which Idempotency-Key. */
export interface Ack {
  key: string;
  caseId: string;
  version: number;
  position: number;
}

/**
 * Client traffic that keeps going through a database outage, as field workers' phones would: each writer posts notes
 * to its own case, and on 503 retries the same write with the same Idempotency-Key until it is acknowledged; a reader
 * reads the cases. Every answer is recorded so the test can judge them afterwards.
 */
export class Traffic {
  readonly acks: Ack[] = [];
  /** Every Idempotency-Key a writer used: each must end up in the store exactly once. */
  readonly keys: string[] = [];
  readonly statuses = new Map<number, number>();
  /** Answers outside 2xx and 503 SERVICE_UNAVAILABLE with Retry-After, described for the failure message. */
  readonly unexpected: string[] = [];
  private stopping = false;
  /** Set when the test failed: writers stop retrying, the database may never come back. */
  private abandoning = false;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly http: App,
    private readonly token: string,
  ) {}

  start(caseIds: string[]): void {
    for (const caseId of caseIds) this.loops.push(this.write(caseId));
    this.loops.push(this.read(caseIds));
  }

  /** Lets every writer finish the write it is on (acknowledged at last), then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  /** Stops at once, leaving unfinished writes unfinished. */
  async abandon(): Promise<void> {
    this.abandoning = true;
    await this.stop();
  }

  count(status: number): number {
    return this.statuses.get(status) ?? 0;
  }

  /** Acknowledged writes per case. */
  acksOf(caseId: string): number {
    return this.acks.filter((ack) => ack.caseId === caseId).length;
  }

  private async write(caseId: string): Promise<void> {
    for (let n = 1; !this.stopping; n++) {
      const key = randomUUID();
      this.keys.push(key);
      for (;;) {
        const response = await post(
          this.http,
          this.token,
          `/v1/cases/${caseId}/notes`,
          { text: `Visit report ${n}` },
          { 'Idempotency-Key': key },
        );
        this.judge(response, 'POST notes');
        if (response.status === 201) {
          this.acks.push({ key, caseId, version: response.body.version, position: response.body.position });
          break;
        }
        // Anything but 503 is already recorded as a failure; the writer goes on with a new write.
        if (response.status !== 503 || this.abandoning) break;
        // A client's pause before retrying, not a wait for anything in the test.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  private async read(caseIds: string[]): Promise<void> {
    for (let n = 0; !this.stopping; n++) {
      const path = n % 2 === 0 ? `/v1/cases/${caseIds[n % caseIds.length]}` : '/v1/cases?pageSize=10';
      const response = await get(this.http, this.token, path);
      this.judge(response, `GET ${path}`);
      if (response.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private judge(response: Response, what: string): void {
    this.statuses.set(response.status, this.count(response.status) + 1);
    if (response.status >= 200 && response.status < 300) return;
    const body = response.body as { code?: unknown; statusCode?: unknown; message?: unknown; details?: unknown };
    const wellFormed =
      response.status === 503 &&
      body.statusCode === 503 &&
      body.code === 'SERVICE_UNAVAILABLE' &&
      typeof body.message === 'string' &&
      Array.isArray(body.details) &&
      /^\d+$/.test(String(response.headers['retry-after']));
    if (!wellFormed) {
      this.unexpected.push(
        `${what} -> ${response.status} ${JSON.stringify(response.body)} retry-after=${response.headers['retry-after']}`,
      );
    }
  }
}
