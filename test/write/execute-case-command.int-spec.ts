import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { ActorRole, CaseCommand } from '@casetrack/domain';
import type { CaseCommandOutcome } from '../../apps/api/src/cases/write/command-outcome';
import { ExecuteCaseCommand } from '../../apps/api/src/cases/write/execute-case-command';
import { startTestApp, type TestApp } from '../support/test-app';

const OPEN: CaseCommand = {
  type: 'OpenCase',
  detainee: { fullName: 'Daniyar Sultanov', nameVariants: [], sex: 'male', city: 'Almaty', vulnerabilities: [] },
  source: { kind: 'ngo' },
};

/**
 * The command handler against the real event store, without HTTP: each way a command can end is an outcome it
 * returns, never an exception, in the order clients rely on (not found, then version mismatch, then a rule).
 */
describe('ExecuteCaseCommand: typed outcomes', () => {
  let t: TestApp;
  let bus: CommandBus;
  const coordinator = { id: randomUUID(), role: 'coordinator' as ActorRole };

  beforeAll(async () => {
    t = await startTestApp();
    bus = t.app.get(CommandBus);
  });

  afterAll(async () => {
    await t.close();
  });

  function execute(
    caseId: string,
    command: CaseCommand,
    options: { expectedVersion?: number; key?: string; actor?: { id: string; role: ActorRole } } = {},
  ): Promise<CaseCommandOutcome> {
    // Under a key the ids are the key's, the same on every repeat; the test's keys name one event each.
    const { key } = options;
    const eventIds = key ? (): string => key : (): string => randomUUID();
    return bus.execute(
      new ExecuteCaseCommand(caseId, command, {
        actor: options.actor ?? coordinator,
        occurredAt: null,
        occurredAtPrecision: 'exact',
        correlationId: randomUUID(),
        idempotencyKey: options.key ?? null,
        expectedVersion: options.expectedVersion ?? null,
        eventIds,
      }),
    );
  }

  async function openCase(): Promise<string> {
    const caseId = randomUUID();
    expect(await execute(caseId, OPEN)).toMatchObject({ kind: 'appended', version: 1 });
    return caseId;
  }

  it('appends, answering the version and position', async () => {
    const caseId = randomUUID();
    const outcome = await execute(caseId, OPEN);
    expect(outcome).toEqual({
      kind: 'appended',
      caseId,
      version: 1,
      position: expect.any(Number) as number,
      alreadyRecorded: false,
    });
  });

  it('answers a repeat whose events are already in the stream as already recorded, appending nothing', async () => {
    const caseId = await openCase();
    const key = randomUUID();
    const first = await execute(caseId, { type: 'AddNote', text: 'Called the family' }, { key });
    const again = await execute(caseId, { type: 'AddNote', text: 'Called the family' }, { key });
    expect(first).toMatchObject({ kind: 'appended', version: 2, alreadyRecorded: false });
    expect(again).toEqual({ ...first, alreadyRecorded: true });
    expect(await execute(caseId, { type: 'AddNote', text: 'next' })).toMatchObject({ version: 3 });
  });

  it('answers not found for a case that does not exist, whatever version the caller expected', async () => {
    const outcome = await execute(randomUUID(), { type: 'AddNote', text: 'x' }, { expectedVersion: 7 });
    expect(outcome).toEqual({ kind: 'not_found' });
  });

  it('answers not found for a case a lawyer is not assigned to, exactly like a missing one', async () => {
    const caseId = await openCase();
    const lawyer = { id: randomUUID(), role: 'lawyer' as ActorRole };
    expect(await execute(caseId, { type: 'AddNote', text: 'x' }, { actor: lawyer })).toEqual({ kind: 'not_found' });
  });

  it('answers a version mismatch before a rule that would refuse the command', async () => {
    const caseId = await openCase();
    const reopen: CaseCommand = { type: 'ReopenCase', reason: 'new facts' };
    expect(await execute(caseId, reopen, { expectedVersion: 4 })).toEqual({
      kind: 'version_mismatch',
      expected: 4,
      actual: 1,
    });
    expect(await execute(caseId, reopen, { expectedVersion: 1 })).toEqual({
      kind: 'refused',
      code: 'CASE_NOT_CLOSED',
      message: expect.any(String) as string,
    });
  });

  it('appends under the expected version when it is the case’s', async () => {
    const caseId = await openCase();
    expect(await execute(caseId, { type: 'AddNote', text: 'x' }, { expectedVersion: 1 })).toMatchObject({
      kind: 'appended',
      version: 2,
    });
  });
});
