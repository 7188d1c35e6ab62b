import { z } from 'zod';
import { given, optionalText, REQUIRED } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  lawyerId: z.string().min(1, { message: REQUIRED }),
  reason: optionalText(2000),
});
type Values = z.infer<typeof schema>;

/** A lawyer leaves the case; only the case's lawyers are offered. */
export const unassignLawyerForm = defineWriteForm({
  id: 'unassignLawyer',
  path: '/v1/cases/{caseId}/lawyers/{lawyerId}/unassign',
  schema,
  initial: { lawyerId: '', reason: '' } satisfies Values,
  availableFor: (detail) => detail.lawyers.length > 0,
  fields: [
    {
      name: 'lawyerId',
      kind: 'user',
      label: 'console.field.lawyer',
      required: true,
      users: (detail) => ({ only: detail.lawyers.map((l) => l.lawyerId) }),
    },
    { name: 'reason', kind: 'textarea', label: 'console.field.reason' },
  ],
  pathParams: (v: Values) => ({ lawyerId: v.lawyerId }),
  toBody: (v: Values) => ({ reason: given(v.reason) }),
});
