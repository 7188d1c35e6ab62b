import type { CaseEvent } from '../events/case-events';
import { redactEvent } from '../events/sensitive-fields';
import { closed, note, opened } from '../testing/fixtures';
import { given, stateOf } from '../testing/specification';

const DUPLICATE = '11111111-1111-4111-8111-111111111111';
const SURVIVOR = '22222222-2222-4222-8222-222222222222';

const merge = (overrides: { intoCaseVisible?: boolean; intoCaseMerged?: boolean; intoCaseId?: string } = {}) =>
  ({
    type: 'MergeCase',
    intoCaseId: SURVIVOR,
    reason: 'entered twice, once in Cyrillic',
    ownCaseId: DUPLICATE,
    intoCaseVisible: true,
    intoCaseMerged: false,
    ...overrides,
  }) as const;

const mergeRequested: CaseEvent = {
  type: 'MergeRequested',
  data: { intoCaseId: SURVIVOR, reason: 'entered twice, once in Cyrillic' },
};

const absorbed = (nameVariants: string[] = ['Иван Петров']): CaseEvent => ({
  type: 'DuplicateMerged',
  data: { duplicateCaseId: DUPLICATE, nameVariants },
});

describe('MergeCase (on the duplicate)', () => {
  it('records the intent: this case is a duplicate of the survivor', () => {
    given(opened()).when(merge()).then(mergeRequested);
  });

  it('merges a closed duplicate too', () => {
    given(opened(), closed()).when(merge()).then(mergeRequested);
  });

  it('refuses to merge a case into itself', () => {
    given(opened())
      .when(merge({ intoCaseId: DUPLICATE }))
      .thenError('MERGE_INTO_ITSELF');
  });

  it('refuses a survivor the actor may not see, like a missing one', () => {
    given(opened())
      .when(merge({ intoCaseVisible: false }))
      .thenError('MERGE_TARGET_NOT_FOUND');
  });

  it('refuses to merge into a case that is itself merged', () => {
    given(opened())
      .when(merge({ intoCaseMerged: true }))
      .thenError('MERGE_TARGET_MERGED');
  });

  it('refuses to merge a case already merged', () => {
    given(opened(), mergeRequested).when(merge()).thenError('CASE_MERGED');
  });

  it('a merged case is closed for good: no fact, no reopening', () => {
    given(opened(), mergeRequested).when({ type: 'AddNote', text: 'x' }).thenError('CASE_MERGED');
    given(opened(), mergeRequested).when({ type: 'ReopenCase', reason: 'x' }).thenError('CASE_MERGED');
  });

  it('a merged case can still be erased', () => {
    given(opened(), mergeRequested)
      .when({ type: 'EraseCase', reason: 'request of the person' })
      .then({ type: 'CaseErased', data: { reason: 'request of the person' } });
  });

  it('reads as closed and merged into the survivor, its facts kept', () => {
    const state = stateOf(opened(), note(), mergeRequested);
    expect(state.closed).toBe(true);
    expect(state.mergedInto).toBe(SURVIVOR);
    expect(state.notes).toHaveLength(1);
  });

  it('erases the reason with the case', () => {
    expect(redactEvent(mergeRequested)).toEqual({
      type: 'MergeRequested',
      data: { intoCaseId: SURVIVOR, reason: '[erased]' },
    });
  });
});

describe('AbsorbDuplicate (on the survivor)', () => {
  it('records the absorption with the duplicate’s spellings', () => {
    given(opened())
      .when({ type: 'AbsorbDuplicate', duplicateCaseId: DUPLICATE, nameVariants: ['Иван Петров'] })
      .then(absorbed());
  });

  it('completes on a closed survivor: a merge is never left half done', () => {
    given(opened(), closed())
      .when({ type: 'AbsorbDuplicate', duplicateCaseId: DUPLICATE, nameVariants: [] })
      .then(absorbed([]));
  });

  it('refuses a second absorption of the same duplicate, so a repeat appends nothing', () => {
    given(opened(), absorbed())
      .when({ type: 'AbsorbDuplicate', duplicateCaseId: DUPLICATE, nameVariants: ['Иван Петров'] })
      .thenError('DUPLICATE_ALREADY_MERGED');
  });

  it('the duplicate’s spellings join the survivor’s, each once and never its own full name', () => {
    const state = stateOf(opened(), absorbed(['Иван Петров', 'Ivan Petrov']));
    const fullName = state.detainee?.fullName ?? '';
    expect(state.detainee?.nameVariants).toContain('Иван Петров');
    expect(state.detainee?.nameVariants).not.toContain(fullName);
    expect(state.mergedDuplicates).toEqual([DUPLICATE]);
    expect(state.mergedInto).toBeNull();
  });

  it('erases the spellings with the case', () => {
    expect(redactEvent(absorbed())).toEqual({
      type: 'DuplicateMerged',
      data: { duplicateCaseId: DUPLICATE, nameVariants: [] },
    });
  });
});
