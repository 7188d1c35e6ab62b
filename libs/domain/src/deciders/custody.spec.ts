import type { CaseCommand } from '../commands/case-commands';
import type { CaseEventType } from '../events/case-events';
import {
  complaintFiled,
  died,
  hearingScheduled,
  detained,
  measureImposed,
  medical,
  missing,
  opened,
  released,
  releasedToHouseArrest,
  sanction,
  transferred,
  verdict,
} from '../testing/fixtures';
import { at, given } from '../testing/specification';

const death = at(died(), '2022-01-10T00:00:00.000Z');
const detain: CaseCommand = { type: 'RecordDetention', city: 'Almaty', place: 'Square', authority: 'special_forces' };
const transfer: CaseCommand = {
  type: 'TransferDetainee',
  facility: { code: 'SI-18', name: 'Remand prison', city: 'Almaty', kind: 'pretrial_detention' },
};
const release: CaseCommand = { type: 'Release', grounds: 'charges_dropped' };
const toHouseArrest: CaseCommand = { type: 'ReleaseToHouseArrest', until: '2022-04-01T00:00:00.000Z' };

describe('RecordDetention', () => {
  it('records a detention, omitting absent details', () => {
    given(opened())
      .when({ ...detain, injuries: undefined, circumstances: 'taken from his car' })
      .then({
        type: 'DetentionRecorded',
        data: { city: 'Almaty', place: 'Square', authority: 'special_forces', circumstances: 'taken from his car' },
      });
  });

  it('refuses a detention after the death', () => {
    given(opened(), death).when(detain).thenError('DETAINEE_DECEASED');
  });

  it('refuses a detention at the very time of the death', () => {
    given(opened(), death).when(detain, { occurredAt: '2022-01-10T00:00:00.000Z' }).thenError('DETAINEE_DECEASED');
  });

  it('accepts a detention that occurred before the death, recorded late', () => {
    given(opened(), death)
      .when(detain, { occurredAt: '2022-01-06T00:00:00.000Z' })
      .then({ type: 'DetentionRecorded', data: { city: 'Almaty', place: 'Square', authority: 'special_forces' } });
  });
});

describe('ReportWhereaboutsUnknown', () => {
  it('reports the person missing', () => {
    given(opened(), detained())
      .when({ type: 'ReportWhereaboutsUnknown', reportedBy: 'sister' })
      .then({ type: 'WhereaboutsUnknownReported', data: { reportedBy: 'sister' } });
  });

  it('allows it after a death (the body may be missing)', () => {
    given(opened(), death)
      .when({ type: 'ReportWhereaboutsUnknown' })
      .then({ type: 'WhereaboutsUnknownReported', data: {} });
  });
});

describe('TransferDetainee', () => {
  it('records a transfer', () => {
    given(opened(), detained())
      .when(transfer)
      .then({
        type: 'DetaineeTransferred',
        data: { facility: { code: 'SI-18', name: 'Remand prison', city: 'Almaty', kind: 'pretrial_detention' } },
      });
  });

  it('omits an absent facility code', () => {
    given(opened())
      .when({
        type: 'TransferDetainee',
        facility: { code: undefined, name: 'ROVD', city: 'Taraz', kind: 'police_station' },
      })
      .then({
        type: 'DetaineeTransferred',
        data: { facility: { name: 'ROVD', city: 'Taraz', kind: 'police_station' } },
      });
  });

  it('refuses a transfer after the death', () => {
    given(opened(), detained(), death).when(transfer).thenError('DETAINEE_DECEASED');
  });
});

describe('Release', () => {
  it.each([
    ['in police custody', [detained()]],
    ['under administrative arrest', [detained(), sanction('arrest', 15)]],
    ['in pre-trial detention', [detained(), measureImposed('pretrial_detention')]],
    ['hospitalised', [detained(), medical('hospitalised')]],
    ['under house arrest', [detained(), releasedToHouseArrest()]],
    ['imprisoned', [detained(), verdict({ outcome: 'convicted', sentence: { kind: 'imprisonment', months: 60 } })]],
    ['missing after being held', [detained(), missing()]],
  ])('releases a person %s', (_status, facts) => {
    given(opened(), ...facts)
      .when(release)
      .then({ type: 'Released', data: { grounds: 'charges_dropped' } });
  });

  // Issue 12: a release may be the first news of a custody, which it implies.
  it('releases a person no detention is recorded for yet', () => {
    given(opened())
      .when(release)
      .then({ type: 'Released', data: { grounds: 'charges_dropped' } });
  });

  it('releases a person missing who was never known to be held', () => {
    given(opened(), missing())
      .when(release)
      .then({ type: 'Released', data: { grounds: 'charges_dropped' } });
  });

  it('releases a released person again later: a detention in between is implied', () => {
    given(opened(), detained(), released())
      .when(release)
      .then({ type: 'Released', data: { grounds: 'charges_dropped' } });
  });

  it('refuses a second release at the very instant of a recorded one', () => {
    given(opened(), detained(), at(released(), '2022-01-20T00:00:00.000Z'))
      .when(release, { occurredAt: '2022-01-20T00:00:00.000Z' })
      .thenError('ALREADY_RELEASED');
  });

  it('refuses to release after the death', () => {
    given(opened(), detained(), death).when(release).thenError('DETAINEE_DECEASED');
  });

  it('judges custody as it stood when the release occurred', () => {
    // Held on the 6th, released on the 20th; news of an earlier release on the 10th arrives now.
    given(opened(), at(detained(), '2022-01-06T00:00:00.000Z'), at(released(), '2022-01-20T00:00:00.000Z'))
      .when(release, { occurredAt: '2022-01-10T00:00:00.000Z' })
      .then({ type: 'Released', data: { grounds: 'charges_dropped' } });
  });

  it('accepts a release that occurred before the recorded detention: an earlier custody is implied', () => {
    given(opened(), at(detained(), '2022-01-06T00:00:00.000Z'))
      .when(release, { occurredAt: '2022-01-05T12:00:00.000Z' })
      .then({ type: 'Released', data: { grounds: 'charges_dropped' } });
  });
});

describe('ReleaseToHouseArrest', () => {
  it('releases a person in pre-trial detention to house arrest', () => {
    given(opened(), detained(), measureImposed('pretrial_detention'))
      .when({ ...toHouseArrest, address: 'Abay 10', conditions: undefined })
      .then({ type: 'ReleasedToHouseArrest', data: { until: '2022-04-01T00:00:00.000Z', address: 'Abay 10' } });
  });

  it('accepts a later house arrest of a person under house arrest: a custody in between is implied', () => {
    given(opened(), detained(), releasedToHouseArrest())
      .when(toHouseArrest)
      .then({ type: 'ReleasedToHouseArrest', data: { until: '2022-04-01T00:00:00.000Z' } });
  });

  it('refuses a second house arrest at the very instant of a recorded one', () => {
    given(opened(), detained(), at(releasedToHouseArrest(), '2022-01-20T00:00:00.000Z'))
      .when(toHouseArrest, { occurredAt: '2022-01-20T00:00:00.000Z' })
      .thenError('NOT_IN_CUSTODY');
  });

  it('accepts a house arrest of a person who is free or never recorded held (custody implied)', () => {
    const houseArrest = { type: 'ReleasedToHouseArrest', data: { until: '2022-04-01T00:00:00.000Z' } } as const;
    given(opened(), detained(), released()).when(toHouseArrest).then(houseArrest);
    given(opened()).when(toHouseArrest).then(houseArrest);
  });

  it('refuses an end before the start', () => {
    given(opened(), detained())
      .when({ type: 'ReleaseToHouseArrest', until: '2022-02-01T00:00:00.000Z' })
      .thenError('MEASURE_END_BEFORE_START');
  });

  it('refuses after the death', () => {
    given(opened(), detained(), death).when(toHouseArrest).thenError('DETAINEE_DECEASED');
  });
});

describe('RecordMedicalFact', () => {
  it.each(['need', 'care_denied', 'hospitalised', 'removed_from_hospital'] as const)('records %s', (kind) => {
    given(opened(), detained())
      .when({ type: 'RecordMedicalFact', kind, details: 'insulin' })
      .then({ type: 'MedicalFactRecorded', data: { kind, details: 'insulin' } });
  });

  it('records medical facts after a death (autopsy, care denied before death)', () => {
    given(opened(), death)
      .when({ type: 'RecordMedicalFact', kind: 'care_denied', details: 'no doctor' })
      .then({ type: 'MedicalFactRecorded', data: { kind: 'care_denied', details: 'no doctor' } });
  });
});

describe('RecordDeath', () => {
  it('records a death', () => {
    given(opened(), detained())
      .when({ type: 'RecordDeath', circumstances: 'in_custody', bodyReleased: false })
      .then({ type: 'DeathRecorded', data: { circumstances: 'in_custody', bodyReleased: false } });
  });

  it('refuses a second death', () => {
    given(opened(), death).when({ type: 'RecordDeath', circumstances: 'unknown' }).thenError('ALREADY_DECEASED');
  });

  it('records the causes beside the circumstances', () => {
    given(opened(), detained())
      .when({ type: 'RecordDeath', circumstances: 'in_custody', causes: ['torture', 'medical_neglect'] })
      .then({ type: 'DeathRecorded', data: { circumstances: 'in_custody', causes: ['torture', 'medical_neglect'] } });
  });

  it('records a death again once the first was retracted', () => {
    given(opened(), death, { type: 'FactRetracted', data: { eventId: 'e2', reason: 'misidentified body' } })
      .when({ type: 'RecordDeath', circumstances: 'shot' })
      .then({ type: 'DeathRecorded', data: { circumstances: 'shot' } });
  });
});

describe('RecordAccessDenial', () => {
  it('records a denial of access', () => {
    given(opened(), detained())
      .when({ type: 'RecordAccessDenial', who: 'lawyer', by: 'investigator', details: undefined })
      .then({ type: 'AccessDenied', data: { who: 'lawyer', by: 'investigator' } });
  });

  it('records it after a death (relatives denied the body)', () => {
    given(opened(), death)
      .when({ type: 'RecordAccessDenial', who: 'relatives' })
      .then({ type: 'AccessDenied', data: { who: 'relatives' } });
  });
});

describe('RecordAccessGranted', () => {
  const denial = at({ type: 'AccessDenied', data: { who: 'lawyer' } }, '2022-01-06T00:00:00.000Z');

  it('records access granted, ending the open denial', () => {
    given(opened(), detained(), denial)
      .when({ type: 'RecordAccessGranted', who: 'lawyer' })
      .then({ type: 'AccessGranted', data: { who: 'lawyer' } });
  });

  it('accepts a grant before any denial is recorded: the denial may be news that comes later', () => {
    given(opened(), detained())
      .when({ type: 'RecordAccessGranted', who: 'relatives' })
      .then({ type: 'AccessGranted', data: { who: 'relatives' } });
  });
});

describe('posthumous facts', () => {
  it.each<[CaseCommand, CaseEventType]>([
    [{ type: 'AddNote', text: 'funeral' }, 'NoteAdded'],
    [{ type: 'FileComplaint', complaintId: 'k1', filedWith: 'prosecutor' }, 'ComplaintFiled'],
    [{ type: 'DeliverVerdict', outcome: 'case_closed' }, 'VerdictDelivered'],
    [{ type: 'RetractFact', eventId: 'e2', reason: 'x' }, 'FactRetracted'],
    [{ type: 'ImposeAdministrativeSanction', kind: 'fine', amount: 100 }, 'AdministrativeSanctionImposed'],
    [{ type: 'RecordComplaintResponse', complaintId: 'k0', outcome: 'refused' }, 'ComplaintAnswered'],
    [{ type: 'RescheduleHearing', hearingId: 'h1', scheduledAt: '2022-02-01T00:00:00.000Z' }, 'HearingRescheduled'],
  ])('are still allowed: %o', (command, type) => {
    given(opened(), detained(), complaintFiled('k0'), hearingScheduled('h1'), death).when(command).thenEmits(type);
  });
});

describe('transfers to facilities', () => {
  it.each(['police_station', 'temporary_detention', 'hospital', 'prison', 'special_detention', 'other'] as const)(
    'accepts a transfer to %s',
    (kind) => {
      given(opened(), detained(), transferred('police_station'))
        .when({ type: 'TransferDetainee', facility: { name: 'X', city: 'Y', kind } })
        .then({ type: 'DetaineeTransferred', data: { facility: { name: 'X', city: 'Y', kind } } });
    },
  );
});
