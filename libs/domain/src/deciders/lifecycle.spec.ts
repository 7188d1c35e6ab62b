import { ERASED_TEXT } from '../events/sensitive-fields';
import { allegation, closed, note, opened, reopened } from '../testing/fixtures';
import { given, stateOf } from '../testing/specification';

const erased = { type: 'CaseErased', data: { reason: 'request of the person' } } as const;

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

describe('EraseCase', () => {
  it('records the erasure', () => {
    given(opened())
      .when({ type: 'EraseCase', reason: 'request of the person' })
      .then({ type: 'CaseErased', data: { reason: 'request of the person' } });
  });

  it('is possible on a closed case', () => {
    given(opened(), closed()).when({ type: 'EraseCase', reason: 'r' }).thenEmits('CaseErased');
  });

  it('happens once', () => {
    given(opened(), erased).when({ type: 'EraseCase', reason: 'again' }).thenError('CASE_ALREADY_ERASED');
  });

  it('cannot be retracted', () => {
    given(opened(), erased)
      .when({ type: 'RetractFact', eventId: 'e2', reason: 'oops' })
      .thenError('EVENT_NOT_RETRACTABLE');
  });

  it('needs an existing case', () => {
    given().when({ type: 'EraseCase', reason: 'r' }).thenError('CASE_NOT_FOUND');
  });
});

describe('the state after an erasure', () => {
  it('holds no sensitive value, not even in the facts it keeps', () => {
    const state = stateOf(opened(), note('met the mother at the gate'), allegation(), erased);
    expect(state.erased).toBe(true);
    expect(state.detainee?.fullName).toBe(ERASED_TEXT);
    expect(state.detainee?.nameVariants).toEqual([]);
    expect(JSON.stringify(state)).not.toContain('met the mother');
    expect(JSON.stringify(state)).not.toContain(opened().data.detainee.fullName);
  });

  it('keeps the structure: city, status and counts stay', () => {
    const before = stateOf(opened(), allegation());
    const after = stateOf(opened(), allegation(), erased);
    expect(after.detainee?.city).toBe(before.detainee?.city);
    expect(after.status).toBe(before.status);
    expect(Object.keys(after.allegations)).toEqual(Object.keys(before.allegations));
  });
});
