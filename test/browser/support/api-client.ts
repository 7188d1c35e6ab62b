import { BOOTSTRAP_ADMIN } from './service';

export type Role = 'lawyer' | 'coordinator' | 'auditor' | 'admin';

export interface Account {
  id: string;
  email: string;
  password: string;
  name: string;
  role: Role;
  /** A bearer token of the account's own, for the test's checks through the API (never given to the page). */
  token: string;
}

/** The test's own view of the service, through the bearer-token API the contract describes. */
export class ApiClient {
  constructor(private readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<string> {
    const body = await this.call<{ accessToken: string }>('POST', '/v1/auth/login', null, { email, password });
    return body.accessToken;
  }

  /** Creates an account as the bootstrap admin and signs it in. */
  async createAccount(role: Role, name: string, extra: { timeZone?: string; locale?: string } = {}): Promise<Account> {
    const admin = await this.login(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password);
    const email = `${role}-${Math.random().toString(36).slice(2, 10)}@casetrack.test`;
    const password = `${role}-password-long-enough`;
    const created = await this.call<{ id: string }>('POST', '/v1/users', admin, {
      email,
      name,
      role,
      password,
      timeZone: extra.timeZone ?? 'Asia/Almaty',
    });
    if (extra.locale) await this.call('PATCH', `/v1/users/${created.id}`, admin, { locale: extra.locale });
    return { id: created.id, email, password, name, role, token: await this.login(email, password) };
  }

  get<T>(path: string, token: string): Promise<T> {
    return this.call<T>('GET', path, token);
  }

  post<T>(path: string, token: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, token, body);
  }

  /** Any non-2xx answer fails with its status and error code, never silently. */
  private async call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/**
 * Reads `read` until `done` holds or ten seconds pass, and returns the last answer for the test to assert on. For what
 * the service completes after answering (the projector's read models): waiting on the state, never on a clock.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
