import { randomBytes } from 'node:crypto';
import type { ActorRole } from '@casetrack/domain';
import type { UsersService } from '@casetrack/auth';

export interface SeedUsers {
  coordinatorId: string;
  lawyerIds: string[];
}

const LAWYERS = 4;

/**
 * The seed's own accounts, created on the first run and reused afterwards: a coordinator who records every case
 * and a few lawyers to assign. Their passwords are random and never shown; an admin can reset them if needed.
 */
export async function seedUsers(users: UsersService): Promise<SeedUsers> {
  const coordinator = await ensure(users, 'seed-coordinator@casetrack.invalid', 'Seed coordinator', 'coordinator');
  const lawyerIds: string[] = [];
  for (let i = 1; i <= LAWYERS; i++) {
    lawyerIds.push(await ensure(users, `seed-lawyer-${i}@casetrack.invalid`, `Seed lawyer ${i}`, 'lawyer'));
  }
  return { coordinatorId: coordinator, lawyerIds };
}

async function ensure(users: UsersService, email: string, name: string, role: ActorRole): Promise<string> {
  const existing = await users.findByEmail(email);
  if (existing) return existing.id;
  const created = await users.create({ email, name, role, password: randomBytes(24).toString('base64url') });
  return created.id;
}
