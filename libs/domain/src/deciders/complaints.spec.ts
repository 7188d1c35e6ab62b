import type { CaseCommand } from '../commands/case-commands';
import { allegation, complaintAnswered, complaintFiled, complaintWithdrawn, opened } from '../testing/fixtures';
import { given } from '../testing/specification';

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

describe('ReportPressure', () => {
  it('records pressure on the detainee or family without any complaint', () => {
    given(opened())
      .when({
        type: 'ReportPressure',
        by: undefined,
        details: 'told to sign a non-disclosure agreement',
        kind: 'nondisclosure_agreement',
      })
      .then({
        type: 'PressureReported',
        data: { details: 'told to sign a non-disclosure agreement', kind: 'nondisclosure_agreement' },
      });
  });

  it('records pressure of an unknown kind, with who applied it', () => {
    given(opened(), complaintFiled('k1'))
      .when({ type: 'ReportPressure', by: 'district investigator', details: 'threatened the brother' })
      .then({ type: 'PressureReported', data: { by: 'district investigator', details: 'threatened the brother' } });
  });
});
