import { z } from 'zod';
import { requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({ reason: requiredText(2000) });
type Values = z.infer<typeof schema>;

/** A closed case is opened again. */
export const reopenForm = defineWriteForm({
  id: 'reopen',
  path: '/v1/cases/{caseId}/reopen',
  schema,
  initial: { reason: '' } satisfies Values,
  availableFor: (detail) => detail.closed,
  fields: [{ name: 'reason', kind: 'textarea', label: 'console.field.reason', required: true }],
  toBody: (v: Values) => ({ reason: v.reason.trim() }),
});
