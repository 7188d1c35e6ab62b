import { WITHHELD_TEXT } from '@casetrack/domain';

/** How every case read honours a torture allegation's consent, for the OpenAPI descriptions of those reads. */
export const CONSENT_IN_READS =
  'Torture allegations carry the consent the victim gave: full, anonymised or internal_only. Testimony recorded ' +
  'internal_only is read as recorded by coordinators and the lawyers assigned to the case; an auditor reads the ' +
  `allegation with its period, methods and consent, and every typed value of it (place, perpetrators, injuries, ` +
  `witnesses, evidence kind, reference and sha256) as the string "${WITHHELD_TEXT}", the shape kept (as erasure ` +
  'shows "[erased]"). So do the typed values of the facts that would quote it: pressure on the complainant, the ' +
  "answer's note and the withdrawal's reason of a complaint about it, and the reason of a retraction of any of " +
  'these. The filing of the complaint (to whom, its reference) stays.';

/** The dossier leaves the organisation with the person's name on it: only full-consent testimony goes in it. */
export const CONSENT_IN_DOSSIER =
  'A named dossier carries only allegations given with consent full. Allegations recorded internal_only or ' +
  'anonymised (use without the identity: a named document is the identity) are left out and counted in ' +
  `withheld.internalAllegations and withheld.anonymisedAllegations; complaints about them stay, marked ` +
  `allegationWithheld, with their typed values read as "${WITHHELD_TEXT}", and retractions of them are left out. ` +
  'includeInternal=true (coordinators only; 403 for anyone else) gives the complete dossier for use inside the ' +
  'organisation.';

/** The case detail keeps no testimony; its one typed value of an allegation is the place. */
export const CONSENT_IN_DETAIL =
  `The place (facility) of an allegation recorded internal_only reads "${WITHHELD_TEXT}" for an auditor; ` +
  'coordinators and the assigned lawyers read it as recorded.';
