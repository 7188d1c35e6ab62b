import request, { type Response } from 'supertest';
import { post, EventsTable } from './e2e';
import { startTestApp, type TestApp, type TestUser } from './test-app';

/**
 * One test file's app with the events table open beside it, and the writes it made: a read through `read` waits
 * until the read models include every write made through `write` (X-Min-Position), so no test sleeps.
 */
export class CaseSession {
  private lastPosition = 0;

  private constructor(
    readonly t: TestApp,
    readonly events: EventsTable,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<CaseSession> {
    const t = await startTestApp(env);
    return new CaseSession(t, await EventsTable.open(t.database.url));
  }

  /** A write that must succeed (201); any other answer fails the test with its body. */
  async write(user: TestUser, path: string, body: Record<string, unknown>): Promise<Response> {
    const response = await post(this.t.http, user.token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    this.lastPosition = Math.max(this.lastPosition, response.body.position as number);
    return response;
  }

  read(user: TestUser, path: string): Promise<Response> {
    return request(this.t.http)
      .get(path)
      .set('Authorization', `Bearer ${user.token}`)
      .set('X-Min-Position', String(this.lastPosition));
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.t.close();
  }
}
