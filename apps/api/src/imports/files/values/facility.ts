import type { FacilityKind } from '@casetrack/domain';
import { FACILITY_KIND_WORDS } from './vocabularies';
import { recognise } from './vocabulary';

/** A facility's official code is one short token of letters and numbers: `LA-155/18`, `SI-18`, `ЛА-155/18`. */
const CODE = /^\p{L}{1,6}[- ]?\d{1,4}(?:\/\d{1,4})?$/u;

export interface WrittenFacility {
  readonly code?: string;
  readonly name?: string;
  readonly kind: FacilityKind;
}

/** Where a person is held, as a list writes it: a code or a name, its kind when the words say it, else `other`. */
export function readFacility(text: string): WrittenFacility | null {
  const written = text.replace(/\s+/g, ' ').trim();
  if (written === '') return null;
  const kind = recognise(written, FACILITY_KIND_WORDS) ?? 'other';
  return CODE.test(written) ? { code: written, kind } : { name: written, kind };
}
