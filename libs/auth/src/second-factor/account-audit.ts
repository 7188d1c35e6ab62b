import type { EntityManager } from 'typeorm';

export const ACCOUNT_AUDIT_ACTIONS = [
  'second_factor_enabled',
  'second_factor_disabled',
  'second_factor_reset',
  'recovery_code_used',
] as const;
export type AccountAuditAction = (typeof ACCOUNT_AUDIT_ACTIONS)[number];

/** Who did what to whose account. Never a secret, a code or an address. */
export interface AccountAuditEntry {
  actorId: string;
  subjectId: string;
  action: AccountAuditAction;
}

/** Appends to `account_audit` (append-only by trigger) in the caller's transaction, so the change and its record go together. */
export async function recordAccountAudit(manager: EntityManager, entry: AccountAuditEntry): Promise<void> {
  await manager.query(`INSERT INTO account_audit (actor_id, subject_id, action) VALUES ($1, $2, $3)`, [
    entry.actorId,
    entry.subjectId,
    entry.action,
  ]);
}
