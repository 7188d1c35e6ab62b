import type { CaseCommand } from '../commands/case-commands';
import { allegation, opened } from '../testing/fixtures';
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

  it('records the account and the methods added in issue 12', () => {
    const methods = [
      'sexual_violence',
      'forced_nudity',
      'humiliation',
      'medical_care_denied',
      'hooding',
      'waterboarding',
    ] as const;
    given(opened())
      .when({
        ...allege,
        periodTo: undefined,
        facility: undefined,
        evidence: [],
        methods: [...methods],
        account: 'He says they hooded him',
      })
      .then({
        type: 'TortureAllegationRecorded',
        data: {
          allegationId: 'a1',
          periodFrom: '2022-01-06T00:00:00.000Z',
          methods: [...methods],
          evidence: [],
          consent: 'internal_only',
          account: 'He says they hooded him',
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

  it('records an allegation whose methods are not described (issue 12: empty means not described)', () => {
    given(opened())
      .when({ ...allege, methods: [] })
      .thenEmits('TortureAllegationRecorded');
  });

  it('refuses an allegation id already used', () => {
    given(opened(), allegation('a1')).when(allege).thenError('ALLEGATION_ALREADY_EXISTS');
  });
});
