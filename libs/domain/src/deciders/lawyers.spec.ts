import { SYSTEM_ACTOR } from '../values/vocabularies';
import { closed, lawyerAssigned, opened } from '../testing/fixtures';
import { given } from '../testing/specification';

describe('AssignLawyer', () => {
  it('assigns a lawyer, without the looked-up flag in the event', () => {
    given(opened())
      .when({ type: 'AssignLawyer', lawyerId: 'l1', role: 'lead', assigneeIsLawyer: true })
      .then({ type: 'LawyerAssigned', data: { lawyerId: 'l1', role: 'lead' } });
  });

  it('refuses a user who is not a lawyer', () => {
    given(opened())
      .when({ type: 'AssignLawyer', lawyerId: 'u1', role: 'support', assigneeIsLawyer: false })
      .thenError('NOT_A_LAWYER');
  });

  it('refuses the same lawyer in the same role twice', () => {
    given(opened(), lawyerAssigned('l1', 'lead'))
      .when({ type: 'AssignLawyer', lawyerId: 'l1', role: 'lead', assigneeIsLawyer: true })
      .thenError('LAWYER_ALREADY_ASSIGNED');
  });

  it('changes the role of an assigned lawyer', () => {
    given(opened(), lawyerAssigned('l1', 'support'))
      .when({ type: 'AssignLawyer', lawyerId: 'l1', role: 'lead', assigneeIsLawyer: true })
      .then({ type: 'LawyerAssigned', data: { lawyerId: 'l1', role: 'lead' } });
  });

  it('assigns a lawyer again after an unassignment', () => {
    given(opened(), lawyerAssigned('l1', 'lead'), { type: 'LawyerUnassigned', data: { lawyerId: 'l1' } })
      .when({ type: 'AssignLawyer', lawyerId: 'l1', role: 'lead', assigneeIsLawyer: true })
      .then({ type: 'LawyerAssigned', data: { lawyerId: 'l1', role: 'lead' } });
  });
});

describe('UnassignLawyer', () => {
  it('unassigns an assigned lawyer', () => {
    given(opened(), lawyerAssigned('l1'))
      .when({ type: 'UnassignLawyer', lawyerId: 'l1', reason: 'client choice' })
      .then({ type: 'LawyerUnassigned', data: { lawyerId: 'l1', reason: 'client choice' } });
  });

  it('omits an absent reason', () => {
    given(opened(), lawyerAssigned('l1'))
      .when({ type: 'UnassignLawyer', lawyerId: 'l1', reason: undefined })
      .then({ type: 'LawyerUnassigned', data: { lawyerId: 'l1' } });
  });

  it('refuses a lawyer who is not assigned', () => {
    given(opened(), lawyerAssigned('l1'))
      .when({ type: 'UnassignLawyer', lawyerId: 'l2' })
      .thenError('LAWYER_NOT_ASSIGNED');
  });

  it('lets the service unassign a lawyer from a closed case (their account ended), and no one else', () => {
    const unassign = { type: 'UnassignLawyer', lawyerId: 'l1', reason: 'account disabled' } as const;
    given(opened(), lawyerAssigned('l1'), closed())
      .when(unassign, { actor: SYSTEM_ACTOR })
      .then({ type: 'LawyerUnassigned', data: { lawyerId: 'l1', reason: 'account disabled' } });
    given(opened(), lawyerAssigned('l1'), closed()).when(unassign).thenError('CASE_CLOSED');
  });

  it('refuses a lawyer already unassigned', () => {
    given(opened(), lawyerAssigned('l1'), { type: 'LawyerUnassigned', data: { lawyerId: 'l1' } })
      .when({ type: 'UnassignLawyer', lawyerId: 'l1' })
      .thenError('LAWYER_NOT_ASSIGNED');
  });
});
