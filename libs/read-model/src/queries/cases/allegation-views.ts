import { type ActorRole, isReadable, readableConsents, WITHHELD_TEXT } from '@casetrack/domain';
import type { AllegationView } from '../../projection/views';

/**
 * The case detail's allegations as the viewer may read them. The detail keeps no testimony, but the place is typed
 * text: an allegation the viewer's role may not read (internal only, for an auditor) shows it as withheld, as the
 * timeline and the history do.
 */
export function allegationsFor(role: ActorRole, allegations: readonly AllegationView[]): AllegationView[] {
  const readable = readableConsents(role);
  return allegations.map((a) =>
    isReadable(a.consent, readable) || a.facility === null ? a : { ...a, facility: WITHHELD_TEXT },
  );
}
