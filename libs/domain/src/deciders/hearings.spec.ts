import type { CaseCommand } from '../commands/case-commands';
import { died, hearingCancelled, hearingHeld, hearingScheduled, opened } from '../testing/fixtures';
import { at, given } from '../testing/specification';

const schedule: CaseCommand = {
  type: 'ScheduleHearing',
  hearingId: 'h1',
  kind: 'preventive_measure',
  court: 'Specialised inter-district court',
  judge: undefined,
  scheduledAt: '2022-03-03T04:00:00.000Z',
  location: 'inside SI-18',
};
const reschedule: CaseCommand = { type: 'RescheduleHearing', hearingId: 'h1', scheduledAt: '2022-03-04T04:00:00.000Z' };
const cancel: CaseCommand = { type: 'CancelHearing', hearingId: 'h1', reason: 'judge on leave' };
const outcome: CaseCommand = {
  type: 'RecordHearingOutcome',
  hearingId: 'h1',
  outcome: 'detention',
  defendantHeard: false,
};

describe('ScheduleHearing', () => {
  it('schedules a hearing, omitting the absent judge', () => {
    given(opened())
      .when(schedule)
      .then({
        type: 'HearingScheduled',
        data: {
          hearingId: 'h1',
          kind: 'preventive_measure',
          court: 'Specialised inter-district court',
          scheduledAt: '2022-03-03T04:00:00.000Z',
          location: 'inside SI-18',
        },
      });
  });

  it('refuses a hearing id already used', () => {
    given(opened(), hearingScheduled('h1')).when(schedule).thenError('HEARING_ALREADY_EXISTS');
  });

  it('refuses to schedule a hearing after the death', () => {
    given(opened(), at(died(), '2022-01-10T00:00:00.000Z')).when(schedule).thenError('DETAINEE_DECEASED');
  });
});

describe.each([
  ['RescheduleHearing', reschedule, 'HearingRescheduled'],
  ['CancelHearing', cancel, 'HearingCancelled'],
  ['RecordHearingOutcome', outcome, 'HearingHeld'],
] as const)('%s', (_name, command, eventType) => {
  it('applies to a scheduled hearing', () => {
    given(opened(), hearingScheduled('h1')).when(command).thenEmits(eventType);
  });

  it('applies to a rescheduled hearing', () => {
    given(opened(), hearingScheduled('h1'), {
      type: 'HearingRescheduled',
      data: { hearingId: 'h1', scheduledAt: '2022-02-01T00:00:00.000Z' },
    })
      .when(command)
      .thenEmits(eventType);
  });

  it('refuses an unknown hearing', () => {
    given(opened(), hearingScheduled('h2')).when(command).thenError('HEARING_NOT_FOUND');
  });

  it('refuses a hearing already held', () => {
    given(opened(), hearingScheduled('h1'), hearingHeld('h1')).when(command).thenError('HEARING_ALREADY_HELD');
  });

  it('refuses a cancelled hearing', () => {
    given(opened(), hearingScheduled('h1'), hearingCancelled('h1')).when(command).thenError('HEARING_NOT_SCHEDULED');
  });

  it('refuses a hearing whose scheduling was retracted', () => {
    given(opened(), hearingScheduled('h1'), { type: 'FactRetracted', data: { eventId: 'e2', reason: 'x' } })
      .when(command)
      .thenError('HEARING_NOT_FOUND');
  });
});

describe('event data', () => {
  it('carries the reschedule fields', () => {
    given(opened(), hearingScheduled('h1'))
      .when({ ...reschedule, reason: 'no convoy' })
      .then({
        type: 'HearingRescheduled',
        data: { hearingId: 'h1', scheduledAt: '2022-03-04T04:00:00.000Z', reason: 'no convoy' },
      });
  });

  it('carries the outcome fields', () => {
    given(opened(), hearingScheduled('h1'))
      .when({ ...outcome, durationMinutes: 3, lawyerPresent: true, notes: undefined })
      .then({
        type: 'HearingHeld',
        data: { hearingId: 'h1', outcome: 'detention', defendantHeard: false, durationMinutes: 3, lawyerPresent: true },
      });
  });

  it('records an outcome before the scheduled date (courts moved hearings without notice)', () => {
    given(opened(), hearingScheduled('h1', '2022-04-01T00:00:00.000Z')).when(outcome).thenEmits('HearingHeld');
  });

  it('reschedules and holds a hearing of a deceased person (proceedings may continue)', () => {
    given(opened(), hearingScheduled('h1'), at(died(), '2022-01-10T00:00:00.000Z'))
      .when(outcome)
      .thenEmits('HearingHeld');
  });
});
