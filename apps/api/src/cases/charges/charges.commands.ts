import type { BringCharge } from '@casetrack/domain';
import { fields } from '../shared/fields';
import type { IdSource } from '../shared/ids';
import type { BringChargeDto } from './charges.dto';

/** The domain command of `POST /v1/cases/:caseId/charges`; the new charge's id comes from the write's ids. */
export function bringChargeCommand(body: BringChargeDto, ids: IdSource): BringCharge {
  return { type: 'BringCharge', chargeId: ids.id('charge'), ...fields(body, 'code', 'article', 'part', 'title') };
}
