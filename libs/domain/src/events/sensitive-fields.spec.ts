import type { CaseEvent } from './case-events';
import { ERASED_TEXT, forEachSensitiveField, redactEvent } from './sensitive-fields';

describe('sensitive fields', () => {
  const opened: CaseEvent = {
    type: 'CaseOpened',
    data: {
      detainee: {
        fullName: 'Arman Zholatov',
        nameVariants: ['Жолатов'],
        birthDate: '1990-01-01',
        sex: 'male',
        city: 'Almaty',
        vulnerabilities: ['wounded'],
      },
      source: { kind: 'relative', reference: 'sister, +7 701 000 0000' },
    },
  };

  it('finds the identifying fields of an opened case, nested ones included', () => {
    const found: string[] = [];
    forEachSensitiveField(opened.type, opened.data, (_parent, _key, path) => found.push(path));
    expect(found.sort()).toEqual([
      'detainee.birthDate',
      'detainee.fullName',
      'detainee.nameVariants',
      'source.reference',
    ]);
  });

  it('finds a field on one path when another path of the same event is absent', () => {
    const found: string[] = [];
    const data = { detainee: 'not an object', source: { kind: 'relative', reference: 'a neighbour' } };
    forEachSensitiveField('CaseOpened', data, (_parent, _key, path) => found.push(path));
    expect(found).toEqual(['source.reference']);
  });

  it('erases them and keeps the structure the statistics need', () => {
    expect(redactEvent(opened)).toEqual({
      type: 'CaseOpened',
      data: {
        detainee: {
          fullName: ERASED_TEXT,
          nameVariants: [],
          sex: 'male',
          city: 'Almaty',
          vulnerabilities: ['wounded'],
        },
        source: { kind: 'relative' },
      },
    });
  });

  it('leaves the original untouched and events without sensitive fields as they are', () => {
    redactEvent(opened);
    expect((opened.data as { detainee: { fullName: string } }).detainee.fullName).toBe('Arman Zholatov');
    const note: CaseEvent = { type: 'ChargeBrought', data: { chargeId: 'c1', code: 'criminal', article: '272' } };
    expect(redactEvent(note)).toEqual(note);
  });

  it('erases testimony of a torture allegation but keeps methods, period and consent', () => {
    const allegation: CaseEvent = {
      type: 'TortureAllegationRecorded',
      data: {
        allegationId: 'a1',
        periodFrom: '2022-01-06T00:00:00.000Z',
        methods: ['beating'],
        perpetrators: 'two officers',
        witnesses: 'cellmate',
        evidence: [{ kind: 'photo', reference: 'archive/17' }],
        consent: 'internal_only',
      },
    };
    expect(redactEvent(allegation).data).toEqual({
      allegationId: 'a1',
      periodFrom: '2022-01-06T00:00:00.000Z',
      methods: ['beating'],
      evidence: [],
      consent: 'internal_only',
    });
  });
});
