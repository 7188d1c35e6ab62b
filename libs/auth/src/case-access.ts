import type { ActorRole } from '@casetrack/domain';

/**
 * Who may see and write a case, in one place. A lawyer works only on cases they are assigned to
 * (a lawyer who opens a case is assigned by that same write); coordinators work on every case;
 * auditors read every case and write nothing; admins manage accounts and see no case data.
 */
export function canSeeCase(role: ActorRole, userId: string, assignedLawyerIds: readonly string[]): boolean {
  switch (role) {
    case 'coordinator':
    case 'auditor':
      return true;
    case 'lawyer':
      return assignedLawyerIds.includes(userId);
    case 'admin':
      return false;
  }
}

export function canWriteCase(role: ActorRole, userId: string, assignedLawyerIds: readonly string[]): boolean {
  return role !== 'auditor' && canSeeCase(role, userId, assignedLawyerIds);
}
