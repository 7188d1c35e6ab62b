import type { CaseCommand } from '../commands/case-commands';
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

const openCase: CaseCommand = {
  type: 'OpenCase',
  detainee: {
    fullName: 'Zholatov Arman',
    nameVariants: [],
    sex: 'unknown',
    city: 'Almaty',
    vulnerabilities: ['minor'],
  },
  source: { kind: 'lawyer' },
};

describe('every command', () => {
  it('refuses an occurredAt more than 5 minutes after now', () => {
    given(opened())
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-01T12:05:01.000Z' })
      .thenError('OCCURRED_IN_FUTURE');
  });

  it('tolerates an occurredAt up to 5 minutes ahead of the server clock', () => {
    given(opened())
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-01T12:05:00.000Z' })
      .then({ type: 'NoteAdded', data: { text: 'x' } });
  });

  it('compares times as instants, not text (offsets)', () => {
    // 17:04+05:00 is 12:04Z: within tolerance although the string sorts after NOW.
    given(opened())
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-01T17:04:00+05:00' })
      .then({ type: 'NoteAdded', data: { text: 'x' } });
  });

  it('checks the future even on opening', () => {
    given().when(openCase, { occurredAt: '2022-03-02T00:00:00.000Z' }).thenError('OCCURRED_IN_FUTURE');
  });

  it('refuses any command but OpenCase on a case that does not exist', () => {
    given().when({ type: 'AddNote', text: 'x' }).thenError('CASE_NOT_FOUND');
    given().when({ type: 'ReopenCase', reason: 'x' }).thenError('CASE_NOT_FOUND');
  });

  it('says a case does not exist before anything about when the fact happened', () => {
    given()
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-02T00:00:00.000Z' })
      .thenError('CASE_NOT_FOUND');
  });
});

describe('OpenCase', () => {
  it('assigns the lawyer who opens a case as its lead lawyer', () => {
    given()
      .when(openCase, { actor: { id: 'lawyer-7', role: 'lawyer' } })
      .then(
        {
          type: 'CaseOpened',
          data: {
            detainee: {
              fullName: 'Zholatov Arman',
              nameVariants: [],
              sex: 'unknown',
              city: 'Almaty',
              vulnerabilities: ['minor'],
            },
            source: { kind: 'lawyer' },
          },
        },
        { type: 'LawyerAssigned', data: { lawyerId: 'lawyer-7', role: 'lead' } },
      );
  });

  it('opens a case with the command fields', () => {
    given()
      .when(openCase)
      .then({
        type: 'CaseOpened',
        data: {
          detainee: {
            fullName: 'Zholatov Arman',
            nameVariants: [],
            sex: 'unknown',
            city: 'Almaty',
            vulnerabilities: ['minor'],
          },
          source: { kind: 'lawyer' },
        },
      });
  });

  it('omits undefined optional fields, nested ones included', () => {
    given()
      .when({
        type: 'OpenCase',
        detainee: {
          fullName: 'A',
          nameVariants: [],
          birthDate: undefined,
          sex: 'female',
          city: 'Zhanaozen',
          vulnerabilities: [],
        },
        source: { kind: 'relative', reference: undefined },
      })
      .then({
        type: 'CaseOpened',
        data: {
          detainee: { fullName: 'A', nameVariants: [], sex: 'female', city: 'Zhanaozen', vulnerabilities: [] },
          source: { kind: 'relative' },
        },
      });
  });

  it('refuses to open a case twice', () => {
    given(opened()).when(openCase).thenError('CASE_ALREADY_EXISTS');
  });
});

describe('closing and reopening', () => {
  it('closes an open case', () => {
    given(opened())
      .when({ type: 'CloseCase', reason: 'duplicate' })
      .then({ type: 'CaseClosed', data: { reason: 'duplicate' } });
  });

  it('refuses to close a closed case', () => {
    given(opened(), closed()).when({ type: 'CloseCase', reason: 'again' }).thenError('CASE_CLOSED');
  });

  it('a closed case accepts nothing but ReopenCase', () => {
    given(opened(), closed()).when({ type: 'AddNote', text: 'x' }).thenError('CASE_CLOSED');
    given(opened(), closed())
      .when({ type: 'RecordDetention', city: 'A', place: 'B', authority: 'police' })
      .thenError('CASE_CLOSED');
    given(opened(), closed()).when({ type: 'RetractFact', eventId: 'e1', reason: 'x' }).thenError('CASE_CLOSED');
  });

  it('reopens a closed case', () => {
    given(opened(), closed())
      .when({ type: 'ReopenCase', reason: 'new facts' })
      .then({ type: 'CaseReopened', data: { reason: 'new facts' } });
  });

  it('refuses to reopen an open case', () => {
    given(opened()).when({ type: 'ReopenCase', reason: 'x' }).thenError('CASE_NOT_CLOSED');
    given(opened(), closed(), reopened()).when({ type: 'ReopenCase', reason: 'x' }).thenError('CASE_NOT_CLOSED');
  });

  it('a reopened case takes commands again', () => {
    given(opened(), closed(), reopened())
      .when({ type: 'AddNote', text: 'x' })
      .then({ type: 'NoteAdded', data: { text: 'x' } });
  });
});

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
  ] as const)('retracts a %s', (_type, event) => {
    given(opened(), event)
      .when({ type: 'RetractFact', eventId: 'e2', reason: 'x' }, { occurredAt: NOW })
      .then({ type: 'FactRetracted', data: { eventId: 'e2', reason: 'x' } });
  });

  it('knows every event type', () => {
    expect(CASE_EVENT_TYPES).toHaveLength(32);
  });
});
