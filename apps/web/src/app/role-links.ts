import type { SignedInUser } from '../api/types';

export interface RoleLink {
  readonly to: string;
  /** Catalogue key of the link's text. */
  readonly label: string;
}

/**
 * The pages of each role's day, after the board and intake. The API decides what each role may read or write; these
 * only avoid offering a page whose every request would be refused (an admin reads no case, an auditor writes nothing).
 */
const LINKS: Readonly<Record<SignedInUser['role'], readonly RoleLink[]>> = {
  lawyer: [
    { to: '/agenda', label: 'roles.nav.agenda' },
    { to: '/court-day', label: 'console.nav.courtDay' },
    { to: '/imports', label: 'console.nav.imports' },
    { to: '/calendar', label: 'roles.nav.calendar' },
    { to: '/notifications', label: 'roles.nav.notifications' },
  ],
  coordinator: [
    { to: '/escalations', label: 'roles.nav.escalations' },
    { to: '/agenda', label: 'roles.nav.agenda' },
    { to: '/court-day', label: 'console.nav.courtDay' },
    { to: '/imports', label: 'console.nav.imports' },
    { to: '/stats', label: 'roles.nav.stats' },
    { to: '/history', label: 'roles.nav.history' },
    { to: '/access-log', label: 'roles.nav.accessLog' },
    { to: '/notifications', label: 'roles.nav.notifications' },
  ],
  auditor: [
    { to: '/history', label: 'roles.nav.history' },
    { to: '/access-log', label: 'roles.nav.accessLog' },
    { to: '/escalations', label: 'roles.nav.escalations' },
    { to: '/stats', label: 'roles.nav.stats' },
  ],
  admin: [
    { to: '/accounts', label: 'roles.nav.accounts' },
    { to: '/health', label: 'roles.nav.health' },
  ],
};

export function roleLinks(role: SignedInUser['role']): readonly RoleLink[] {
  return LINKS[role];
}
