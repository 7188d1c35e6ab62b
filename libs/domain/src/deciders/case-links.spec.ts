import { closed, note, opened } from '../testing/fixtures';
import { given, stateOf } from '../testing/specification';
import type { CaseEvent } from '../events/case-events';
import { redactEvent } from '../events/sensitive-fields';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const link = (relation: 'relative' | 'co_detainee' = 'relative', note?: string) =>
  ({
    type: 'LinkCase',
    caseId: OTHER,
    relation,
    ...(note !== undefined ? { note } : {}),
    ownCaseId: OWN,
    linkedCaseVisible: true,
  }) as const;

const linked = (relation: 'relative' | 'co_detainee' = 'relative'): CaseEvent => ({
  type: 'CaseLinked',
  data: { caseId: OTHER, relation },
});

describe('LinkCase', () => {
  it('links the case to another the actor may see, with the note', () => {
    given(opened())
      .when(link('relative', 'his brother'))
      .then({ type: 'CaseLinked', data: { caseId: OTHER, relation: 'relative', note: 'his brother' } });
  });

  it('links without a note', () => {
    given(opened())
      .when(link('co_detainee'))
      .then({ type: 'CaseLinked', data: { caseId: OTHER, relation: 'co_detainee' } });
  });

  it('refuses to link a case to itself', () => {
    given(opened())
      .when({ ...link(), caseId: OWN })
      .thenError('LINK_TO_ITSELF');
  });

  it('refuses a case the actor may not see, as if it did not exist', () => {
    given(opened())
      .when({ ...link(), linkedCaseVisible: false })
      .thenError('LINKED_CASE_NOT_FOUND');
  });

  it('refuses the same link twice, and takes another relation between the same two cases', () => {
    given(opened(), linked('relative')).when(link('relative')).thenError('LINK_ALREADY_EXISTS');
    given(opened(), linked('relative'))
      .when(link('co_detainee'))
      .then({ type: 'CaseLinked', data: { caseId: OTHER, relation: 'co_detainee' } });
  });

  it('takes the link again once the first one was retracted', () => {
    given(opened(), linked('relative'), {
      type: 'FactRetracted',
      data: { eventId: 'e2', reason: 'wrong family' },
    })
      .when(link('relative'))
      .then({ type: 'CaseLinked', data: { caseId: OTHER, relation: 'relative' } });
  });

  it('refuses a link on a closed case, like every other fact', () => {
    given(opened(), closed()).when(link()).thenError('CASE_CLOSED');
  });
});

describe('CaseLinked in the state', () => {
  it('lists the links of the case; the status does not change', () => {
    const state = stateOf(opened(), note(), linked('relative'));
    expect(state.links).toEqual([expect.objectContaining({ caseId: OTHER, relation: 'relative', eventId: 'e3' })]);
    expect(state.status).toBe('reported');
  });

  it('erases the note and keeps the other case and the relation', () => {
    const erased = redactEvent({ type: 'CaseLinked', data: { caseId: OTHER, relation: 'witness', note: 'saw it' } });
    expect(erased.data).toEqual({ caseId: OTHER, relation: 'witness', note: '[erased]' });
  });
});
