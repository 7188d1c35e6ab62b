import { chargeForm } from './definitions/charge';
import { complaintForm } from './definitions/complaint';
import { detentionForm } from './definitions/detention';
import { hearingForm } from './definitions/hearing';
import { hearingOutcomeForm } from './definitions/hearing-outcome';
import { transferForm } from './definitions/transfer';
import { tortureAllegationForm } from './definitions/torture-allegation';
import type { CaseDetail } from '../../../api/types';
import type { AnyWriteForm, WriterRole } from './registry';

/**
 * Every write the case page offers, in the order of its menu. A new write is a file in definitions/ (its path, fields,
 * schema and body), a line here, and its texts under `console.form.<id>.*` in the catalogues.
 */
export const WRITE_FORMS: readonly AnyWriteForm[] = [
  detentionForm,
  transferForm,
  chargeForm,
  hearingForm,
  hearingOutcomeForm,
  tortureAllegationForm,
  complaintForm,
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
