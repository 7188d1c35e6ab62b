import { z } from 'zod';
import { REQUIRED, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  intoCaseId: z.string().min(1, { message: REQUIRED }),
  reason: requiredText(2000),
});
type Values = z.infer<typeof schema>;

/**
 * This case is a duplicate of another (the survivor, found by name): it is closed with `mergedInto`, its spellings
 * join the survivor's, its facts stay in its own history. Coordinators only.
 */
export const mergeForm = defineWriteForm({
  id: 'merge',
  path: '/v1/cases/{caseId}/merge',
  schema,
  initial: { intoCaseId: '', reason: '' } satisfies Values,
  roles: ['coordinator'],
  fields: [
    {
      name: 'intoCaseId',
      kind: 'case',
      label: 'console.field.survivor',
      description: 'console.field.survivorHint',
      required: true,
    },
    { name: 'reason', kind: 'textarea', label: 'console.field.mergeReason', required: true },
  ],
  toBody: (v: Values) => ({ intoCaseId: v.intoCaseId, reason: v.reason.trim() }),
});
