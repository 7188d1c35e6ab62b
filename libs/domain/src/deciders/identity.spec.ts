import type { CaseEvent } from '../events/case-events';
import { redactEvent } from '../events/sensitive-fields';
import { opened } from '../testing/fixtures';
import { given, stateOf, toFacts } from '../testing/specification';
import { assembleDossier } from '../audit/case-dossier';
import { stateAsOf } from '../state/evolve';

/** Identities that grow: corrections and more spellings after intake (issue 12, item 4). */

const corrected = (data: Extract<CaseEvent, { type: 'IdentityCorrected' }>['data']): CaseEvent => ({
  type: 'IdentityCorrected',
  data,
});
const variantsAdded = (...variants: string[]): CaseEvent => ({ type: 'NameVariantsAdded', data: { variants } });

describe('CorrectIdentity', () => {
  it('records the fields given, and only those', () => {
    given(opened())
      .when({ type: 'CorrectIdentity', birthYear: 1988, occupation: 'Oil worker', publicRoles: ['activist'] })
      .then(corrected({ birthYear: 1988, occupation: 'Oil worker', publicRoles: ['activist'] }));
  });

  it('keeps each public role and vulnerability once', () => {
    given(opened())
      .when({ type: 'CorrectIdentity', publicRoles: ['journalist', 'journalist'], vulnerabilities: ['minor', 'minor'] })
      .then(corrected({ publicRoles: ['journalist'], vulnerabilities: ['minor'] }));
  });

  it('refuses a correction without a field', () => {
    given(opened()).when({ type: 'CorrectIdentity' }).thenError('IDENTITY_EMPTY');
  });

  it('refuses a correction of a case that does not exist', () => {
    given().when({ type: 'CorrectIdentity', city: 'Aktau' }).thenError('CASE_NOT_FOUND');
  });

  it('refuses a correction of a closed case', () => {
    given(opened(), { type: 'CaseClosed', data: { reason: 'Work ended' } })
      .when({ type: 'CorrectIdentity', city: 'Aktau' })
      .thenError('CASE_CLOSED');
  });
});

describe('AddNameVariants', () => {
  it('records the spellings given, each once', () => {
    given(opened())
      .when({ type: 'AddNameVariants', variants: ['Жолатов Арман', 'Zholatov A.', 'Жолатов Арман'] })
      .then(variantsAdded('Жолатов Арман', 'Zholatov A.'));
  });

  it('refuses an empty list', () => {
    given(opened()).when({ type: 'AddNameVariants', variants: [] }).thenError('IDENTITY_EMPTY');
  });
});

describe('the identity as it grows', () => {
  it('replaces the values a correction gives and keeps the others', () => {
    const state = stateOf(opened(), corrected({ city: 'Zhanaozen', birthYear: 1988, vulnerabilities: ['wounded'] }));
    expect(state.detainee).toMatchObject({
      fullName: 'Zholatov Arman',
      sex: 'male',
      city: 'Zhanaozen',
      birthYear: 1988,
      vulnerabilities: ['wounded'],
    });
    expect(state.vulnerabilities).toEqual(['wounded']);
  });

  it('keeps a corrected full name as a spelling, so the person is still found under it', () => {
    const state = stateOf(opened(), corrected({ fullName: 'Zholatov Arman Serikovich' }));
    expect(state.detainee?.fullName).toBe('Zholatov Arman Serikovich');
    expect(state.detainee?.nameVariants).toEqual(['Jolatov', 'Zholatov Arman']);
  });

  it('adds spellings once, and never the full name itself', () => {
    const state = stateOf(opened(), variantsAdded('Жолатов', 'Jolatov'), variantsAdded('Жолатов', 'Zholatov Arman'));
    expect(state.detainee?.nameVariants).toEqual(['Jolatov', 'Жолатов']);
  });

  it('a later correction wins over an earlier one; the later one retracted, the earlier counts again', () => {
    const facts = [opened(), corrected({ occupation: 'Teacher' }), corrected({ occupation: 'Welder' })];
    expect(stateOf(...facts).detainee?.occupation).toBe('Welder');
    const retracted = stateOf(...facts, { type: 'FactRetracted', data: { eventId: 'e3', reason: 'Wrong person' } });
    expect(retracted.detainee?.occupation).toBe('Teacher');
  });

  it('history keeps the values known before a correction', () => {
    const state = stateOf(opened(), corrected({ city: 'Zhanaozen' }));
    // The correction was recorded at BASE_TIME + 2 minutes; a minute earlier the city was the intake's.
    expect(stateAsOf(state, '2022-01-05T00:01:30.000Z', 'recorded').detainee?.city).toBe('Almaty');
    expect(stateAsOf(state, '2022-01-05T00:02:30.000Z', 'recorded').detainee?.city).toBe('Zhanaozen');
  });

  it('erasure reads the typed values as erased and keeps the vocabulary, the year and the city', () => {
    const erased = redactEvent({
      type: 'IdentityCorrected',
      data: { fullName: 'X', birthDate: '1988-02-03', birthYear: 1988, city: 'Aktau', occupation: 'Y' },
    });
    expect(erased.data).toEqual({ fullName: '[erased]', birthYear: 1988, city: 'Aktau', occupation: '[erased]' });
    expect(redactEvent({ type: 'NameVariantsAdded', data: { variants: ['Z'] } }).data).toEqual({ variants: [] });
  });

  it('the dossier names the person as known now and lists each correction with the values it replaced', () => {
    const facts = toFacts([opened(), corrected({ fullName: 'Zholatov Arman Serikovich', birthYear: 1988 })]);
    const dossier = assembleDossier(facts, {
      caseId: 'c',
      generatedAt: '2022-03-01T00:00:00.000Z',
      includeInternal: false,
    });
    expect(dossier.detainee).toMatchObject({ fullName: 'Zholatov Arman Serikovich', birthYear: 1988, city: 'Almaty' });
    expect(dossier.detainee?.record.data.detainee.fullName).toBe('Zholatov Arman');
    expect(dossier.identity.map((r) => r.type)).toEqual(['IdentityCorrected']);
  });
});
