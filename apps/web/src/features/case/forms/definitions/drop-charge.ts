import { z } from 'zod';
import { REQUIRED, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { activeCharges, chargeChoices } from './case-choices';

const schema = z.object({
  chargeId: z.string().min(1, { message: REQUIRED }),
  reason: requiredText(2000),
});
type Values = z.infer<typeof schema>;

/** An active charge is dropped, with the reason given (a decision, an amnesty). */
export const dropChargeForm = defineWriteForm({
  id: 'dropCharge',
  path: '/v1/cases/{caseId}/charges/{chargeId}/drop',
  schema,
  initial: { chargeId: '', reason: '' } satisfies Values,
  availableFor: (detail) => activeCharges(detail).length > 0,
  fields: [
    { name: 'chargeId', kind: 'select', label: 'console.field.charge', required: true, choices: chargeChoices },
    { name: 'reason', kind: 'textarea', label: 'console.field.reason', required: true },
  ],
  pathParams: (v: Values) => ({ chargeId: v.chargeId }),
  toBody: (v: Values) => ({ reason: v.reason.trim() }),
});
