import type { CaseCommand } from '../commands/case-commands';
import { allegation, complaintAnswered, complaintFiled, complaintWithdrawn, opened } from '../testing/fixtures';
import { given } from '../testing/specification';

const allege: CaseCommand = {
  type: 'RecordTortureAllegation',
  allegationId: 'a1',
  periodFrom: '2022-01-06T00:00:00.000Z',
  periodTo: '2022-01-08T00:00:00.000Z',
  facility: 'ROVD Auezov district',
  methods: ['beating', 'electric_shock', 'suffocation'],
  perpetrators: undefined,
  evidence: [{ kind: 'photo', reference: 'vault://1', sha256: undefined }],
  consent: 'internal_only',
};

describe('RecordTortureAllegation', () => {
  it('records an allegation, omitting absent fields in nested evidence too', () => {
    given(opened())
      .when(allege)
      .then({
        type: 'TortureAllegationRecorded',
        data: {
          allegationId: 'a1',
          periodFrom: '2022-01-06T00:00:00.000Z',
          periodTo: '2022-01-08T00:00:00.000Z',
          facility: 'ROVD Auezov district',
          methods: ['beating', 'electric_shock', 'suffocation'],
          evidence: [{ kind: 'photo', reference: 'vault://1' }],
          consent: 'internal_only',
        },
      });
  });

  it('accepts an open period', () => {
    given(opened())
      .when({ ...allege, periodTo: undefined })
      .thenEmits('TortureAllegationRecorded');
  });

  it('accepts a period of one instant', () => {
    given(opened())
      .when({ ...allege, periodTo: allege.periodFrom })
      .thenEmits('TortureAllegationRecorded');
  });

  it('refuses a period that ends before it starts', () => {
    given(opened())
      .when({ ...allege, periodTo: '2022-01-05T23:59:59.000Z' })
      .thenError('INVALID_PERIOD');
  });

  it('refuses an allegation without methods', () => {
    given(opened())
      .when({ ...allege, methods: [] })
      .thenError('METHODS_REQUIRED');
  });

  it('refuses an allegation id already used', () => {
    given(opened(), allegation('a1')).when(allege).thenError('ALLEGATION_ALREADY_EXISTS');
  });
});

describe('FileComplaint', () => {
  it('files a complaint about an allegation', () => {
    given(opened(), allegation('a1'))
      .when({
        type: 'FileComplaint',
        complaintId: 'k1',
        allegationId: 'a1',
        filedWith: 'prosecutor',
        responseDueAt: '2022-03-31T00:00:00.000Z',
      })
      .then({
        type: 'ComplaintFiled',
        data: {
          complaintId: 'k1',
          allegationId: 'a1',
          filedWith: 'prosecutor',
          responseDueAt: '2022-03-31T00:00:00.000Z',
        },
      });
  });

  it('files a complaint without an allegation', () => {
    given(opened())
      .when({ type: 'FileComplaint', complaintId: 'k1', filedWith: 'un_body', allegationId: undefined })
      .then({ type: 'ComplaintFiled', data: { complaintId: 'k1', filedWith: 'un_body' } });
  });

  it('refuses an unknown allegation', () => {
    given(opened(), allegation('a1'))
      .when({ type: 'FileComplaint', complaintId: 'k1', allegationId: 'a2', filedWith: 'court' })
      .thenError('ALLEGATION_NOT_FOUND');
  });

  it('refuses an allegation that was retracted', () => {
    given(opened(), allegation('a1'), { type: 'FactRetracted', data: { eventId: 'e2', reason: 'x' } })
      .when({ type: 'FileComplaint', complaintId: 'k1', allegationId: 'a1', filedWith: 'court' })
      .thenError('ALLEGATION_NOT_FOUND');
  });

  it('refuses a complaint id already used', () => {
    given(opened(), complaintFiled('k1'))
      .when({ type: 'FileComplaint', complaintId: 'k1', filedWith: 'court' })
      .thenError('COMPLAINT_ALREADY_EXISTS');
  });
});

describe.each([
  [
    'RecordComplaintResponse',
    { type: 'RecordComplaintResponse', complaintId: 'k1', outcome: 'investigation_opened' },
    'ComplaintAnswered',
  ],
  ['WithdrawComplaint', { type: 'WithdrawComplaint', complaintId: 'k1', reason: 'threatened' }, 'ComplaintWithdrawn'],
] as const)('%s', (_name, command, eventType) => {
  it('applies to an awaiting complaint', () => {
    given(opened(), complaintFiled('k1')).when(command).thenEmits(eventType);
  });

  it('refuses an unknown complaint', () => {
    given(opened(), complaintFiled('k2')).when(command).thenError('COMPLAINT_NOT_FOUND');
  });

  it('refuses an answered complaint', () => {
    given(opened(), complaintFiled('k1'), complaintAnswered('k1')).when(command).thenError('COMPLAINT_NOT_OPEN');
  });

  it('refuses a withdrawn complaint', () => {
    given(opened(), complaintFiled('k1'), complaintWithdrawn('k1')).when(command).thenError('COMPLAINT_NOT_OPEN');
  });
});

describe('RecordComplainantPressure', () => {
  const pressure: CaseCommand = {
    type: 'RecordComplainantPressure',
    complaintId: 'k1',
    by: undefined,
    details: 'threatened with art. 274',
  };

  it.each([
    ['awaiting', [complaintFiled('k1')]],
    ['answered', [complaintFiled('k1'), complaintAnswered('k1')]],
    ['withdrawn', [complaintFiled('k1'), complaintWithdrawn('k1')]],
  ])('records pressure on a complaint %s', (_status, facts) => {
    given(opened(), ...facts)
      .when(pressure)
      .then({ type: 'ComplainantPressured', data: { complaintId: 'k1', details: 'threatened with art. 274' } });
  });

  it('refuses an unknown complaint', () => {
    given(opened()).when(pressure).thenError('COMPLAINT_NOT_FOUND');
  });
});
