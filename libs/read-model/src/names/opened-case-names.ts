import type { StatementRunner } from '@casetrack/auth';
import { nameKeys } from './names';

/**
 * Duplicate detection may not wait for the projector. Two volunteers entering the same person a moment apart must
 * see each other, but the read models hold a case only once the projector has caught up with its append. So the
 * write path records the names of every case it opens here, synchronously, after the append and before the answer,
 * and `FindPossibleDuplicatesQuery` reads these rows beside the projected ones. A row is needed only until the
 * projector passes its position: the projector deletes it in the same transaction that writes the case's row, so
 * that one snapshot shows a case in exactly one of the two places.
 *
 * In `public`, out of the `read_model` schema a rebuild swaps (like the access revocations). It holds typed names:
 * an erasure deletes the case's row and vacuums the table.
 */
export const OPENED_CASE_NAMES = 'public.opened_case_names';

/** A case just appended, as duplicate detection needs it until it is projected. */
export interface OpenedCaseNames {
  caseId: string;
  fullName: string;
  nameVariants: readonly string[];
  /** Absent: not known; such a case is nobody's duplicate, as in the read models. */
  city: string | undefined;
  /** The lawyers the append assigned (the case list's access rule reads them). */
  lawyerIds: readonly string[];
  /** Stream version and global position of the append. */
  version: number;
  position: number;
}

/**
 * Records the names of a case as of its append at `position` (its opening, or a later change of its spellings); a
 * replayed append records nothing twice and an older append never replaces a newer one's names. It never reads the
 * checkpoint table (a rebuild's swap locks it, and a write must not wait for a rebuild): should the projector have
 * passed `position` already, the query prefers the projected row (it is as new) and the projector's next batch
 * deletes this one.
 */
export async function recordOpenedCaseNames(db: StatementRunner, opened: OpenedCaseNames): Promise<void> {
  await db.query(
    `INSERT INTO ${OPENED_CASE_NAMES} (case_id, position, version, full_name, name_variants, name_keys, city, lawyer_ids)
     VALUES ($1::uuid, $2::bigint, $3::int, $4, $5::text[], $6, $7, $8::uuid[])
     ON CONFLICT (case_id) DO UPDATE SET
       position = EXCLUDED.position, version = EXCLUDED.version, full_name = EXCLUDED.full_name,
       name_variants = EXCLUDED.name_variants, name_keys = EXCLUDED.name_keys, city = EXCLUDED.city,
       lawyer_ids = EXCLUDED.lawyer_ids
     WHERE ${OPENED_CASE_NAMES}.version < EXCLUDED.version`,
    [
      opened.caseId,
      opened.position,
      opened.version,
      opened.fullName,
      [...opened.nameVariants],
      nameKeys(opened.fullName, opened.nameVariants),
      opened.city ?? null,
      [...new Set(opened.lawyerIds)],
    ],
  );
}

/**
 * The projector, in its batch transaction: rows up to its new checkpoint are now in the read models. Every batch
 * deletes them all, so a row recorded just after its case was projected is gone by the next batch.
 */
export async function forgetProjectedNames(db: StatementRunner, checkpoint: number): Promise<void> {
  await db.query(`DELETE FROM ${OPENED_CASE_NAMES} WHERE position <= $1::bigint`, [checkpoint]);
}

/**
 * An erasure: the case's typed names go, and so do the dead row versions that still hold them (the table is small:
 * only cases the projector has not reached yet).
 */
export async function eraseOpenedCaseNames(db: StatementRunner, caseId: string): Promise<void> {
  await db.query(`DELETE FROM ${OPENED_CASE_NAMES} WHERE case_id = $1::uuid`, [caseId]);
  await db.query(`VACUUM ${OPENED_CASE_NAMES}`, []);
}
