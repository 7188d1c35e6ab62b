import { accessDeniedForm } from './definitions/access-denied';
import { accessGrantedForm } from './definitions/access-granted';
import { administrativeSanctionForm } from './definitions/administrative-sanction';
import { assignLawyerForm } from './definitions/assign-lawyer';
import { cancelHearingForm } from './definitions/cancel-hearing';
import { chargeForm } from './definitions/charge';
import { closeForm } from './definitions/close';
import { complaintForm } from './definitions/complaint';
import { complaintPressureForm } from './definitions/complaint-pressure';
import { complaintResponseForm } from './definitions/complaint-response';
import { complaintWithdrawalForm } from './definitions/complaint-withdrawal';
import { deathForm } from './definitions/death';
import { detentionForm } from './definitions/detention';
import { dropChargeForm } from './definitions/drop-charge';
import { eraseForm } from './definitions/erase';
import { extendMeasureForm } from './definitions/extend-measure';
import { hearingForm } from './definitions/hearing';
import { hearingOutcomeForm } from './definitions/hearing-outcome';
import { houseArrestForm } from './definitions/house-arrest';
import { identityForm } from './definitions/identity';
import { linkForm } from './definitions/link';
import { medicalForm } from './definitions/medical';
import { mergeForm } from './definitions/merge';
import { nameVariantsForm } from './definitions/name-variants';
import { noteForm } from './definitions/note';
import { pressureForm } from './definitions/pressure';
import { preventiveMeasureForm } from './definitions/preventive-measure';
import { releaseForm } from './definitions/release';
import { reopenForm } from './definitions/reopen';
import { requalifyChargeForm } from './definitions/requalify-charge';
import { rescheduleHearingForm } from './definitions/reschedule-hearing';
import { tortureAllegationForm } from './definitions/torture-allegation';
import { transferForm } from './definitions/transfer';
import { unassignLawyerForm } from './definitions/unassign-lawyer';
import { verdictForm } from './definitions/verdict';
import { whereaboutsUnknownForm } from './definitions/whereabouts-unknown';
import type { CaseDetail } from '../../../api/types';
import type { AnyWriteForm, WriterRole } from './registry';

/**
 * Every write the case page offers, in the order of its menu. A new write is a file in definitions/ (its path, fields,
 * schema and body), a line here, and its texts under `console.form.<id>.*` in the catalogues.
 */
export const WRITE_FORMS: readonly AnyWriteForm[] = [
  detentionForm,
  whereaboutsUnknownForm,
  transferForm,
  houseArrestForm,
  releaseForm,
  accessDeniedForm,
  accessGrantedForm,
  medicalForm,
  chargeForm,
  requalifyChargeForm,
  dropChargeForm,
  administrativeSanctionForm,
  hearingForm,
  rescheduleHearingForm,
  cancelHearingForm,
  hearingOutcomeForm,
  preventiveMeasureForm,
  extendMeasureForm,
  verdictForm,
  tortureAllegationForm,
  complaintForm,
  complaintResponseForm,
  complaintPressureForm,
  complaintWithdrawalForm,
  pressureForm,
  deathForm,
  noteForm,
  identityForm,
  nameVariantsForm,
  linkForm,
  assignLawyerForm,
  unassignLawyerForm,
  closeForm,
  reopenForm,
  mergeForm,
  eraseForm,
];

export function writeForm(id: string | null): AnyWriteForm | undefined {
  return id === null ? undefined : WRITE_FORMS.find((form) => form.id === id);
}

const WRITERS: readonly string[] = ['lawyer', 'coordinator'] satisfies WriterRole[];

/**
 * The writes a person of `role` is offered on this case: none for an auditor or an admin (they never write), none on
 * a merged case, the coordinator's own (merge, erase) to coordinators only, each when the case allows it.
 */
export function formsFor(role: string, detail: CaseDetail): AnyWriteForm[] {
  if (!WRITERS.includes(role) || detail.mergedInto !== null) return [];
  return WRITE_FORMS.filter(
    (form) =>
      (form.roles ?? (WRITERS as readonly WriterRole[])).includes(role as WriterRole) &&
      (form.availableFor?.(detail) ?? true),
  );
}
