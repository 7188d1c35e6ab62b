import type { ComplaintCommand, DecisionContext } from '../commands/case-commands';
import { assertNever } from '../events/case-events';
import { domainError, type DomainError } from '../errors';
import type { CaseState } from '../state/case-state';
import { emit, fieldsOf, type Decision } from './common';

export function decideComplaints(command: ComplaintCommand, state: CaseState, _ctx: DecisionContext): Decision {
  switch (command.type) {
    case 'FileComplaint':
      if (state.complaints[command.complaintId]) {
        return domainError('COMPLAINT_ALREADY_EXISTS', `Complaint ${command.complaintId} already exists`);
      }
      if (command.allegationId !== undefined && !state.allegations[command.allegationId]) {
        return domainError('ALLEGATION_NOT_FOUND', `Allegation ${command.allegationId} is not in this case`);
      }
      return emit('ComplaintFiled', fieldsOf(command));
    case 'RecordComplaintResponse':
      return openComplaint(state, command.complaintId) ?? emit('ComplaintAnswered', fieldsOf(command));
    case 'WithdrawComplaint':
      return openComplaint(state, command.complaintId) ?? emit('ComplaintWithdrawn', fieldsOf(command));
    case 'RecordComplainantPressure':
      // Pressure is recorded on any complaint: pressure that led to a withdrawal is exactly what matters.
      if (!state.complaints[command.complaintId]) return complaintNotFound(command.complaintId);
      return emit('ComplainantPressured', fieldsOf(command));
    case 'ReportPressure':
      return emit('PressureReported', fieldsOf(command));
    default:
      return assertNever(command);
  }
}

function openComplaint(state: CaseState, complaintId: string): DomainError | null {
  const complaint = state.complaints[complaintId];
  if (!complaint) return complaintNotFound(complaintId);
  if (complaint.status !== 'awaiting') {
    return domainError('COMPLAINT_NOT_OPEN', `Complaint ${complaintId} is ${complaint.status}`);
  }
  return null;
}

function complaintNotFound(complaintId: string): DomainError {
  return domainError('COMPLAINT_NOT_FOUND', `Complaint ${complaintId} is not in this case`);
}
