import { describe, expect, it } from 'vitest';
import { OFFLINE_HEADER } from './constants';
import { isOfflineSetUrl, offlineFetch } from './offline-fetch';
import { ACCOUNT, PASSPHRASE, unlockedDevice } from './test-support';

const ORIGIN = 'http://console.test';
const CASE_ID = '7d1c6f0e-2f43-4d4e-9a51-3b0c1d2e3f40';
const DETAIL = `${ORIGIN}/v1/cases/${CASE_ID}`;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** An inner fetch whose network the test switches off. */
function network(answer: (url: string, method: string) => Response) {
  const state = { online: true, calls: 0 };
  const inner: typeof fetch = async (input, init) => {
    state.calls += 1;
    if (!state.online) throw new TypeError('Failed to fetch');
    const request = input instanceof Request ? input : new Request(input, init);
    return answer(request.url, request.method);
  };
  return { state, inner };
}

describe('isOfflineSetUrl', () => {
  it('accepts the offline set and nothing else', () => {
    const yes = [
      '/v1/auth/session',
      '/v1/users',
      '/v1/users?role=lawyer',
      `/v1/cases/${CASE_ID}`,
      `/v1/cases/${CASE_ID}/timeline`,
      `/v1/cases?lawyerId=${CASE_ID}&page=2`,
    ];
    const no = [
      '/v1/cases',
      '/v1/cases?q=Асанов',
      `/v1/cases?lawyerId=${CASE_ID}&q=Асанов`,
      `/v1/cases/${CASE_ID}/history`,
      '/v1/cases/not-a-uuid',
      '/v1/stats',
      '/health',
    ];
    for (const path of yes) expect(isOfflineSetUrl(new URL(path, ORIGIN)), path).toBe(true);
    for (const path of no) expect(isOfflineSetUrl(new URL(path, ORIGIN)), path).toBe(false);
  });
});

describe('offlineFetch', () => {
  it('goes to the network first, stores a cacheable 2xx JSON answer and answers from the vault when offline', async () => {
    const { vault, clock } = await unlockedDevice();
    const net = network(() => json({ caseId: CASE_ID, fullName: 'Асанов Ерлан', version: 4 }));
    const fetch = offlineFetch(net.inner, vault, isOfflineSetUrl);
    const online = await fetch(new Request(DETAIL));
    expect(online.headers.get(OFFLINE_HEADER)).toBeNull();
    expect(await online.json()).toMatchObject({ version: 4 });

    net.state.online = false;
    const offline = await fetch(new Request(DETAIL));
    expect(offline.status).toBe(200);
    expect(offline.headers.get(OFFLINE_HEADER)).toBe(clock.now.toISOString());
    expect(await offline.json()).toEqual({ caseId: CASE_ID, fullName: 'Асанов Ерлан', version: 4 });
    expect(net.state.calls).toBe(2);
  });

  it('rethrows the network error for an URL not cached, not cacheable, or when locked', async () => {
    const { vault } = await unlockedDevice();
    const net = network(() => json({ ok: true }));
    const fetch = offlineFetch(net.inner, vault, isOfflineSetUrl);
    await fetch(`${ORIGIN}/v1/stats`);
    await fetch(new URL(DETAIL));
    net.state.online = false;
    await expect(fetch(`${ORIGIN}/v1/stats`)).rejects.toThrow('Failed to fetch');
    await expect(fetch(`${ORIGIN}/v1/cases/${CASE_ID}/timeline`)).rejects.toThrow('Failed to fetch');
    vault.lock();
    await expect(fetch(DETAIL)).rejects.toThrow('Failed to fetch');
    expect(await vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    expect((await (await fetch(DETAIL)).json()) as unknown).toEqual({ ok: true });
  });

  it('never stores a non-GET, a non-2xx or a non-cacheable answer', async () => {
    const { vault } = await unlockedDevice();
    let status = 404;
    const net = network((_url, method) => json({ method, status }, method === 'POST' ? 201 : status));
    const fetch = offlineFetch(net.inner, vault, isOfflineSetUrl);
    await fetch(DETAIL, { method: 'POST', body: '{}' });
    await fetch(DETAIL);
    status = 200;
    await fetch(`${ORIGIN}/v1/stats`);
    expect(await vault.getAnswer(`/v1/cases/${CASE_ID}`)).toBeNull();
    expect(await vault.getAnswer('/v1/stats')).toBeNull();
    await fetch(DETAIL);
    expect((await vault.getAnswer(`/v1/cases/${CASE_ID}`))?.body).toEqual({ method: 'GET', status: 200 });
  });

  it('stores nothing while locked', async () => {
    const { vault } = await unlockedDevice();
    const net = network(() => json({ v: 1 }));
    const fetch = offlineFetch(net.inner, vault, isOfflineSetUrl);
    vault.lock();
    expect(await (await fetch(DETAIL)).json()).toEqual({ v: 1 });
    await vault.unlock(PASSPHRASE, ACCOUNT);
    expect(await vault.getAnswer(`/v1/cases/${CASE_ID}`)).toBeNull();
  });

  it('keeps the session without its CSRF token', async () => {
    const { vault } = await unlockedDevice();
    const session = { user: { id: 'u1', role: 'lawyer' }, csrf: { header: 'X-CSRF-Token', token: 'secret-token' } };
    const net = network(() => json(session));
    const fetch = offlineFetch(net.inner, vault, isOfflineSetUrl);
    expect(await (await fetch(`${ORIGIN}/v1/auth/session`)).json()).toEqual(session);
    expect((await vault.getAnswer('/v1/auth/session'))?.body).toEqual({ user: { id: 'u1', role: 'lawyer' } });
  });

  it('does not answer an aborted read from the vault', async () => {
    const { vault } = await unlockedDevice();
    let abort = false;
    const inner: typeof fetch = async () => {
      if (abort) throw new DOMException('aborted', 'AbortError');
      return json({ v: 1 });
    };
    const fetch = offlineFetch(inner, vault, isOfflineSetUrl);
    await fetch(DETAIL);
    abort = true;
    await expect(fetch(DETAIL)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
