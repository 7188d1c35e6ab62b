import { CASE_EVENT_TYPES, type CaseEventType } from '../events/case-events';
import {
  allegation,
  chargeBrought,
  closed,
  detained,
  hearingScheduled,
  lawyerAssigned,
  note,
  opened,
  released,
  reopened,
  retracted,
} from '../testing/fixtures';
import { NOW, given } from '../testing/specification';

describe('AddNote', () => {
  it('adds a note', () => {
    given(opened())
      .when({ type: 'AddNote', text: 'mother called' })
      .then({ type: 'NoteAdded', data: { text: 'mother called' } });
  });
});

describe('RetractFact', () => {
  it('retracts a fact of this case', () => {
    given(opened(), detained())
      .when({ type: 'RetractFact', eventId: 'e2', reason: 'wrong person' })
      .then({ type: 'FactRetracted', data: { eventId: 'e2', reason: 'wrong person' } });
  });

  it('refuses an event that is not in this case', () => {
    given(opened(), detained())
      .when({ type: 'RetractFact', eventId: 'e9', reason: 'x' })
      .thenError('EVENT_NOT_IN_CASE');
  });

  it('refuses an event already retracted', () => {
    given(opened(), detained(), retracted('e2'))
      .when({ type: 'RetractFact', eventId: 'e2', reason: 'x' })
      .thenError('EVENT_ALREADY_RETRACTED');
  });

  const notRetractable: [CaseEventType, number][] = [
    ['CaseOpened', 1],
    ['LawyerAssigned', 2],
    ['LawyerUnassigned', 3],
    ['CaseClosed', 4],
    ['CaseReopened', 5],
    ['FactRetracted', 7],
  ];
  it.each(notRetractable)('refuses to retract a %s', (_type, version) => {
    given(
      opened(),
      lawyerAssigned('l1'),
      { type: 'LawyerUnassigned', data: { lawyerId: 'l1' } },
      closed(),
      reopened(),
      note(),
      retracted('e6'),
    )
      .when({ type: 'RetractFact', eventId: `e${version}`, reason: 'x' })
      .thenError('EVENT_NOT_RETRACTABLE');
  });

  it.each([
    ['DetentionRecorded', detained()],
    ['ChargeBrought', chargeBrought()],
    ['HearingScheduled', hearingScheduled()],
    ['TortureAllegationRecorded', allegation()],
    ['Released', released()],
    ['NoteAdded', note()],
    ['AccessGranted', { type: 'AccessGranted', data: { who: 'lawyer' } }],
    ['PressureReported', { type: 'PressureReported', data: { details: 'threat to the family' } }],
  ] as const)('retracts a %s', (_type, event) => {
    given(opened(), event)
      .when({ type: 'RetractFact', eventId: 'e2', reason: 'x' }, { occurredAt: NOW })
      .then({ type: 'FactRetracted', data: { eventId: 'e2', reason: 'x' } });
  });

  it('knows every event type', () => {
    expect(CASE_EVENT_TYPES).toHaveLength(39);
  });
});
