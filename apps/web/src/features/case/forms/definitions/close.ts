import { z } from 'zod';
import { requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({ reason: requiredText(2000) });
type Values = z.infer<typeof schema>;

/** The case is closed (the work on it ended); it can be reopened. */
export const closeForm = defineWriteForm({
  id: 'close',
  path: '/v1/cases/{caseId}/close',
  schema,
  initial: { reason: '' } satisfies Values,
  availableFor: (detail) => !detail.closed,
  fields: [{ name: 'reason', kind: 'textarea', label: 'console.field.reason', required: true }],
  toBody: (v: Values) => ({ reason: v.reason.trim() }),
});
