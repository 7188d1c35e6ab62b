import { chargeForm } from './definitions/charge';
import { complaintForm } from './definitions/complaint';
import { detentionForm } from './definitions/detention';
import { hearingForm } from './definitions/hearing';
import { hearingOutcomeForm } from './definitions/hearing-outcome';
import { transferForm } from './definitions/transfer';
import { tortureAllegationForm } from './definitions/torture-allegation';
import type { AnyWriteForm } from './registry';

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
