import http from 'node:http';

/** One answer of the service, read whole. */
export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface CallOptions {
  method?: string;
  token?: string | null;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Give up on the answer after this long: the promise rejects with a `TimeoutError`. */
  timeoutMs?: number;
}

/** A request that got no answer in time; the service may or may not have acted on it. */
export class TimeoutError extends Error {}

/**
 * The benchmarks' HTTP client: node:http over one keep-alive agent per driver (fetch's pool adds its own queueing
 * to the figures), the answer read whole.
 */
export class BenchClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  call(path: string, options: CallOptions = {}): Promise<Answer> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
          path,
          agent: this.agent,
          headers: {
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...options.headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              headers: response.headers,
            }),
          );
          response.on('error', reject);
        },
      );
      if (options.timeoutMs !== undefined) {
        request.setTimeout(options.timeoutMs, () => request.destroy(new TimeoutError(`${path}: no answer in time`)));
      }
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** The answer's JSON when it has `status`; anything else throws with the start of the body. */
  async expect(status: number, path: string, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const answer = await this.call(path, options);
    if (answer.status !== status) {
      throw new Error(`${path}: expected ${status}, got ${answer.status}: ${answer.body.slice(0, 300)}`);
    }
    return answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : {};
  }

  /** A user made by the admin, signed in: its access token. */
  async account(
    adminToken: string,
    user: { email: string; password: string; name: string; role: string },
  ): Promise<{ id: string; token: string }> {
    const created = await this.expect(201, '/v1/users', {
      token: adminToken,
      body: { ...user, timeZone: 'Asia/Almaty' },
    });
    return { id: created.id as string, token: await this.signIn(user.email, user.password) };
  }

  /** The bench's admin signs in and makes a coordinator, `<label>-coordinator@casetrack.test`: its access token. */
  async coordinator(admin: { email: string; password: string }, label: string): Promise<string> {
    const adminToken = await this.signIn(admin.email, admin.password);
    const { token } = await this.account(adminToken, {
      email: `${label}-coordinator@casetrack.test`,
      password: `a-long-${label}-password`,
      name: `${label} Coordinator`,
      role: 'coordinator',
    });
    return token;
  }

  /** A case opened for a detainee of this name: its id. */
  async openCase(token: string, fullName: string): Promise<string> {
    const body = { detainee: { fullName, nameVariants: [], city: 'Almaty' }, source: { kind: 'relative' } };
    return (await this.expect(201, '/v1/cases', { token, body })).caseId as string;
  }

  async signIn(email: string, password: string): Promise<string> {
    return (await this.expect(200, '/v1/auth/login', { body: { email, password } })).accessToken as string;
  }

  close(): void {
    this.agent.destroy();
  }
}
