import { facilityKey } from '../projection/case-rows';

/** A facility filter value as stored in `facility_key`. */
export function normaliseFacility(value: string): string {
  return facilityKey({ code: null, name: value });
}
