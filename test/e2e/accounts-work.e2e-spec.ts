import request, { type Response } from 'supertest';
import { CommandBus } from '@nestjs/cqrs';
import { ProjectorService } from '@casetrack/read-model';
import { ADMIN, login, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectError, expectValidation, get, openCaseBody, post } from '../support/e2e';

const PASSWORD = 'a-long-test-password';

/** Issue 12, item 8: accounts that match the work (list, enable, change, password, locale; leaving every case). */
describe('accounts that match the work', () => {
  let t: TestApp;
  let adminToken: string;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await login(t.http, ADMIN.email, ADMIN.password);
    coordinator = await account('coordinator', 'Gulnara Coordinator');
    lawyer = await account('lawyer', 'Askar Lawyer');
    auditor = await account('auditor', 'Dana Auditor');
  });

  afterAll(async () => {
    await t.close();
  });

  function patch(token: string | null, path: string, body: unknown): Promise<Response> {
    const call = request(t.http).patch(path);
    return (token === null ? call : call.set('Authorization', `Bearer ${token}`)).send(body as object);
  }

  function put(token: string, path: string, body: unknown): Promise<Response> {
    return request(t.http)
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);
  }

  let counter = 0;
  /** A user with a known email and password, signed in. */
  async function account(role: string, name: string): Promise<TestUser & { email: string }> {
    counter++;
    const email = `work-${counter}-${role}@casetrack.test`;
    const created = await post(t.http, adminToken, '/v1/users', {
      email,
      name,
      role,
      password: PASSWORD,
      timeZone: 'Asia/Almaty',
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email, token: await login(t.http, email, PASSWORD) };
  }

  async function write(token: string, path: string, body: Record<string, unknown>): Promise<Response> {
    const response = await post(t.http, token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  async function listed(token: string, query = ''): Promise<Array<Record<string, unknown>>> {
    const response = await get(t.http, token, `/v1/users${query}`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body as object)).toEqual(['items']);
    return response.body.items as Array<Record<string, unknown>>;
  }

  describe('GET /v1/users', () => {
    let gone: TestUser & { email: string };

    beforeAll(async () => {
      gone = await account('lawyer', 'Yerlan Departed');
      expect((await post(t.http, adminToken, `/v1/users/${gone.id}/disable`)).status).toBe(200);
    });

    it('admins see every account, each {id, name, role, email, timeZone, disabled}, disabled ones on request', async () => {
      const active = await listed(adminToken);
      expect(active.map((user) => user.role).sort()).toEqual(
        expect.arrayContaining(['admin', 'auditor', 'coordinator', 'lawyer']),
      );
      const mine = active.find((user) => user.id === lawyer.id);
      expect(mine).toEqual({
        id: lawyer.id,
        name: 'Askar Lawyer',
        role: 'lawyer',
        email: expect.stringMatching(/@casetrack\.test$/),
        timeZone: 'Asia/Almaty',
        disabled: false,
      });
      expect(active.some((user) => user.id === gone.id)).toBe(false);
      const all = await listed(adminToken, '?includeDisabled=true');
      expect(all.find((user) => user.id === gone.id)).toMatchObject({ disabled: true, role: 'lawyer' });
    });

    it('lawyers and coordinators see only the active lawyers and coordinators', async () => {
      for (const viewer of [lawyer, coordinator]) {
        const seen = await listed(viewer.token, '?includeDisabled=true');
        expect(seen.length).toBeGreaterThanOrEqual(2);
        expect(new Set(seen.map((user) => user.role))).toEqual(new Set(['lawyer', 'coordinator']));
        expect(seen.every((user) => user.disabled === false)).toBe(true);
        expect(seen.map((user) => user.id)).toEqual(expect.arrayContaining([lawyer.id, coordinator.id]));
        expect(seen.some((user) => user.id === auditor.id || user.id === gone.id)).toBe(false);
        expect(await listed(viewer.token, '?role=admin')).toEqual([]);
      }
    });

    it('filters by role and by part of the name or email, in any case, with % taken literally', async () => {
      const lawyers = await listed(coordinator.token, '?role=lawyer');
      expect(lawyers.length).toBeGreaterThan(0);
      expect(lawyers.every((user) => user.role === 'lawyer')).toBe(true);
      expect((await listed(coordinator.token, '?q=askar')).map((user) => user.id)).toEqual([lawyer.id]);
      expect(await listed(coordinator.token, '?q=%25')).toEqual([]);
      const byEmail = await listed(
        adminToken,
        `?q=${encodeURIComponent(gone.email.toUpperCase())}&includeDisabled=true`,
      );
      expect(byEmail.map((user) => user.id)).toEqual([gone.id]);
    });

    it('refuses auditors (403), strangers (401) and bad filters (400)', async () => {
      expectError(await get(t.http, auditor.token, '/v1/users'), 403, 'FORBIDDEN');
      expectError(await get(t.http, null, '/v1/users'), 401, 'UNAUTHENTICATED');
      expectValidation(await get(t.http, adminToken, '/v1/users?role=judge'), 'role');
      expectValidation(await get(t.http, adminToken, '/v1/users?includeDisabled=yes'), 'includeDisabled');
      expectValidation(await get(t.http, adminToken, `/v1/users?q=${'x'.repeat(201)}`), 'q');
    });
  });

  describe('PATCH /v1/users/:id', () => {
    it('changes name, time zone and language; the user sees them at once', async () => {
      const user = await account('coordinator', 'Aigerim Before');
      const response = await patch(adminToken, `/v1/users/${user.id}`, {
        name: 'Aigerim After',
        timeZone: 'Asia/Aqtobe',
        locale: 'kk',
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: user.id,
        name: 'Aigerim After',
        role: 'coordinator',
        email: user.email,
        timeZone: 'Asia/Aqtobe',
        locale: 'kk',
        disabled: false,
      });
      const me = await get(t.http, user.token, '/v1/users/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ name: 'Aigerim After', timeZone: 'Asia/Aqtobe', locale: 'kk' });
    });

    it('gives new users the locale en unless told otherwise', async () => {
      const user = await account('lawyer', 'Default Locale');
      expect((await get(t.http, user.token, '/v1/users/me')).body.locale).toBe('en');
      const russian = await post(t.http, adminToken, '/v1/users', {
        email: 'ru-speaker@casetrack.test',
        name: 'Russian Speaker',
        role: 'lawyer',
        password: PASSWORD,
        locale: 'ru',
      });
      expect(russian.status).toBe(201);
      const token = await login(t.http, 'ru-speaker@casetrack.test', PASSWORD);
      expect((await get(t.http, token, '/v1/users/me')).body.locale).toBe('ru');
    });

    it('a change of role ends the user’s sessions; the new role applies at the next sign-in', async () => {
      const user = await account('auditor', 'Role Changer');
      const response = await patch(adminToken, `/v1/users/${user.id}`, { role: 'coordinator' });
      expect(response.status).toBe(200);
      expect(response.body.role).toBe('coordinator');
      expectError(await get(t.http, user.token, '/v1/users/me'), 401, 'UNAUTHENTICATED');
      const fresh = await login(t.http, user.email, PASSWORD);
      expect((await get(t.http, fresh, '/v1/users/me')).body.role).toBe('coordinator');
      // Same role again, or another field: the sessions stay.
      expect((await patch(adminToken, `/v1/users/${user.id}`, { role: 'coordinator', locale: 'ru' })).status).toBe(200);
      expect((await get(t.http, fresh, '/v1/users/me')).status).toBe(200);
    });

    it('validates the body: time zone, locale, role, blank name, unknown field', async () => {
      const path = `/v1/users/${lawyer.id}`;
      expectValidation(await patch(adminToken, path, { timeZone: 'Mars/Olympus' }), 'timeZone');
      expectValidation(await patch(adminToken, path, { locale: 'de' }), 'locale');
      expectValidation(await patch(adminToken, path, { role: 'judge' }), 'role');
      expectValidation(await patch(adminToken, path, { name: '   ' }), 'name');
      expectValidation(await patch(adminToken, path, { email: 'new@casetrack.test' }), 'email');
    });

    it('refuses non-admins (403), an unknown user (404) and an admin’s change of their own role (422)', async () => {
      for (const user of [lawyer, coordinator, auditor]) {
        expectError(await patch(user.token, `/v1/users/${user.id}`, { name: 'Myself' }), 403, 'FORBIDDEN');
      }
      expectError(await patch(null, `/v1/users/${lawyer.id}`, { name: 'x' }), 401, 'UNAUTHENTICATED');
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectError(await patch(adminToken, `/v1/users/${unknown}`, { name: 'Nobody' }), 404, 'NOT_FOUND');
      expectError(await patch(adminToken, '/v1/users/not-a-uuid', { name: 'Nobody' }), 404, 'NOT_FOUND');
      const me = (await get(t.http, adminToken, '/v1/users/me')).body as { id: string };
      expectError(await patch(adminToken, `/v1/users/${me.id}`, { role: 'lawyer' }), 422, 'CANNOT_CHANGE_OWN_ROLE');
      expect((await patch(adminToken, `/v1/users/${me.id}`, { locale: 'ru' })).status).toBe(200);
    });
  });

  describe('POST /v1/users/:id/enable', () => {
    it('a disabled user can sign in again once enabled', async () => {
      const user = await account('lawyer', 'Comes Back');
      expect((await post(t.http, adminToken, `/v1/users/${user.id}/disable`)).status).toBe(200);
      expectError(
        await request(t.http).post('/v1/auth/login').send({ email: user.email, password: PASSWORD }),
        401,
        'UNAUTHENTICATED',
      );
      const enabled = await post(t.http, adminToken, `/v1/users/${user.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.body).toEqual({ id: user.id, disabled: false });
      const token = await login(t.http, user.email, PASSWORD);
      expect((await get(t.http, token, '/v1/users/me')).status).toBe(200);
      expect((await post(t.http, adminToken, `/v1/users/${user.id}/enable`)).status).toBe(200);
    });

    it('refuses non-admins (403) and an unknown user (404)', async () => {
      for (const user of [lawyer, coordinator, auditor]) {
        expectError(await post(t.http, user.token, `/v1/users/${lawyer.id}/enable`), 403, 'FORBIDDEN');
      }
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectError(await post(t.http, adminToken, `/v1/users/${unknown}/enable`), 404, 'NOT_FOUND');
    });
  });

  describe('PUT /v1/users/me/password', () => {
    it('changes the password, keeps this session and ends every other one', async () => {
      const user = await account('coordinator', 'Password Changer');
      const other = await login(t.http, user.email, PASSWORD);
      const changed = await put(user.token, '/v1/users/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'a brand new long passphrase',
      });
      expect(changed.status).toBe(204);
      expect((await get(t.http, user.token, '/v1/users/me')).status).toBe(200);
      expectError(await get(t.http, other, '/v1/users/me'), 401, 'UNAUTHENTICATED');
      expectError(
        await request(t.http).post('/v1/auth/login').send({ email: user.email, password: PASSWORD }),
        401,
        'UNAUTHENTICATED',
      );
      expect(typeof (await login(t.http, user.email, 'a brand new long passphrase'))).toBe('string');
    });

    it('a wrong current password is refused (422) and counts as a failed sign-in, up to 429', async () => {
      const user = await account('lawyer', 'Stolen Session');
      const wrong = { currentPassword: 'not the password at all', newPassword: 'attacker chosen password' };
      for (let attempt = 0; attempt < 5; attempt++) {
        expectError(await put(user.token, '/v1/users/me/password', wrong), 422, 'WRONG_PASSWORD');
      }
      const throttled = await put(user.token, '/v1/users/me/password', wrong);
      expectError(throttled, 429, 'RATE_LIMITED');
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      // The same throttle as sign-in: the right password from this address waits too.
      const signIn = await request(t.http).post('/v1/auth/login').send({ email: user.email, password: PASSWORD });
      expectError(signIn, 429, 'RATE_LIMITED');
    });

    it('validates the body (short new password, missing current one) and needs a token', async () => {
      const user = await account('lawyer', 'Short Password');
      expectValidation(
        await put(user.token, '/v1/users/me/password', { currentPassword: PASSWORD, newPassword: 'short' }),
        'newPassword',
      );
      expectValidation(
        await put(user.token, '/v1/users/me/password', { newPassword: 'long enough password' }),
        'currentPassword',
      );
      expectError(
        await request(t.http)
          .put('/v1/users/me/password')
          .send({ currentPassword: PASSWORD, newPassword: 'x'.repeat(12) }),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('disabling a lawyer unassigns them from every case', () => {
    interface TimelineEvent {
      type: string;
      position: number;
      actor: { id: string; role: string };
      data: Record<string, unknown>;
    }

    async function timeline(caseId: string): Promise<TimelineEvent[]> {
      const response = await get(t.http, coordinator.token, `/v1/cases/${caseId}/timeline`);
      expect(response.status).toBe(200);
      return response.body.events as TimelineEvent[];
    }

    function unassignsOf(events: TimelineEvent[], lawyerId: string): TimelineEvent[] {
      return events.filter((event) => event.type === 'LawyerUnassigned' && event.data.lawyerId === lawyerId);
    }

    /** A case in police custody, opened by the coordinator, with `lawyerId` assigned. */
    async function caseWith(lawyerId: string, fullName: string): Promise<string> {
      const opened = await write(coordinator.token, '/v1/cases', openCaseBody(fullName, 'Almaty'));
      const caseId = opened.body.caseId as string;
      await write(coordinator.token, `/v1/cases/${caseId}/detention`, {
        city: 'Almaty',
        place: 'Republic Square',
        authority: 'police',
      });
      await write(coordinator.token, `/v1/cases/${caseId}/lawyers`, { lawyerId, role: 'lead' });
      return caseId;
    }

    async function caseSeenAfter(caseId: string, position: number): Promise<Record<string, unknown>> {
      const response = await request(t.http)
        .get(`/v1/cases/${caseId}`)
        .set('Authorization', `Bearer ${coordinator.token}`)
        .set('X-Min-Position', String(position));
      expect(response.status).toBe(200);
      return response.body as Record<string, unknown>;
    }

    it('a fact by the system on each case (a closed one too), the lawyer leaves the read model, and escalation follows', async () => {
      const leaving = await account('lawyer', 'Leaving Lawyer');
      const staying = await account('lawyer', 'Staying Lawyer');
      const first = await caseWith(leaving.id, 'Nurlan Abenov');
      const second = await caseWith(leaving.id, 'Timur Sadykov');
      await write(coordinator.token, `/v1/cases/${second}/lawyers`, { lawyerId: staying.id, role: 'support' });
      const closed = await caseWith(leaving.id, 'Marat Closed');
      await write(coordinator.token, `/v1/cases/${closed}/close`, { reason: 'family asked to stop' });
      const own = await write(leaving.token, '/v1/cases', openCaseBody('Own Client', 'Almaty'));
      const ownCase = own.body.caseId as string;

      const disabled = await post(t.http, adminToken, `/v1/users/${leaving.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toEqual({ id: leaving.id, disabled: true });

      for (const caseId of [first, second, closed, ownCase]) {
        const unassigns = unassignsOf(await timeline(caseId), leaving.id);
        expect(unassigns).toHaveLength(1);
        expect(unassigns[0].actor).toEqual({ id: 'system', role: 'system' });
        expect(unassigns[0].data).toEqual({ lawyerId: leaving.id, reason: 'account disabled' });
        const seen = await caseSeenAfter(caseId, unassigns[0].position);
        expect((seen.lawyers as Array<{ lawyerId: string }>).map((l) => l.lawyerId)).not.toContain(leaving.id);
      }
      expect(((await caseSeenAfter(second, 0)).lawyers as Array<{ lawyerId: string }>).map((l) => l.lawyerId)).toEqual([
        staying.id,
      ]);
      const byLawyer = await get(t.http, coordinator.token, `/v1/cases?lawyerId=${leaving.id}`);
      expect(byLawyer.body.total).toBe(0);

      // The first case is in custody with no lawyer now: the coordinators' escalation is scheduled.
      const reminders = await get(t.http, coordinator.token, `/v1/reminders?caseId=${first}`);
      expect(reminders.status).toBe(200);
      expect((reminders.body.items as Array<{ kind: string }>).map((r) => r.kind)).toContain('escalation_no_lawyer');

      // Idempotent: disabling again records nothing more.
      expect((await post(t.http, adminToken, `/v1/users/${leaving.id}/disable`)).status).toBe(200);
      for (const caseId of [first, second, closed, ownCase]) {
        expect(unassignsOf(await timeline(caseId), leaving.id)).toHaveLength(1);
      }
    });

    it('finds assignments the read model has not applied yet (the projector is stopped)', async () => {
      const leaving = await account('lawyer', 'Quick Leaver');
      const projector = t.app.get(ProjectorService);
      await projector.stop();
      try {
        const caseId = await caseWith(leaving.id, 'Daniyar Unprojected');
        expect((await post(t.http, adminToken, `/v1/users/${leaving.id}/disable`)).status).toBe(200);
        const unassigns = unassignsOf(await timeline(caseId), leaving.id);
        expect(unassigns).toHaveLength(1);
        expect(unassigns[0].actor.id).toBe('system');
      } finally {
        await projector.start();
      }
    });

    it('a disable that failed halfway is completed by disabling again, and nothing is recorded twice', async () => {
      const leaving = await account('lawyer', 'Interrupted Leaver');
      const cases = [
        await caseWith(leaving.id, 'Case One'),
        await caseWith(leaving.id, 'Case Two'),
        await caseWith(leaving.id, 'Case Three'),
      ];
      const bus = t.app.get(CommandBus);
      const execute = bus.execute.bind(bus);
      let calls = 0;
      const crash = jest.spyOn(bus, 'execute').mockImplementation((command) => {
        calls++;
        if (calls === 2) return Promise.reject(new Error('the process died here'));
        return execute(command);
      });
      try {
        expect((await post(t.http, adminToken, `/v1/users/${leaving.id}/disable`)).status).toBe(500);
      } finally {
        crash.mockRestore();
      }
      const counts = async (): Promise<number[]> =>
        Promise.all(cases.map(async (caseId) => unassignsOf(await timeline(caseId), leaving.id).length));
      expect((await counts()).reduce((a, b) => a + b, 0)).toBe(1);
      // The account is off already, whatever else happened.
      expectError(await get(t.http, leaving.token, '/v1/users/me'), 401, 'UNAUTHENTICATED');

      expect((await post(t.http, adminToken, `/v1/users/${leaving.id}/disable`)).status).toBe(200);
      expect(await counts()).toEqual([1, 1, 1]);
    });

    it('a lawyer whose role changes leaves every case the same way', async () => {
      const changing = await account('lawyer', 'Becomes Coordinator');
      const caseId = await caseWith(changing.id, 'Role Change Client');
      expect((await patch(adminToken, `/v1/users/${changing.id}`, { role: 'coordinator' })).status).toBe(200);
      const unassigns = unassignsOf(await timeline(caseId), changing.id);
      expect(unassigns).toHaveLength(1);
      expect(unassigns[0]).toMatchObject({
        actor: { id: 'system', role: 'system' },
        data: { lawyerId: changing.id, reason: 'no longer a lawyer' },
      });
    });
  });
});
