import { z } from 'zod';
import { REQUIRED, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { awaitingComplaintChoices, awaitingComplaints } from './case-choices';

const schema = z.object({
  complaintId: z.string().min(1, { message: REQUIRED }),
  reason: requiredText(2000),
});
type Values = z.infer<typeof schema>;

/** A complaint still awaiting its answer is withdrawn, with the reason given. */
export const complaintWithdrawalForm = defineWriteForm({
  id: 'complaintWithdrawal',
  path: '/v1/cases/{caseId}/complaints/{complaintId}/withdraw',
  schema,
  initial: { complaintId: '', reason: '' } satisfies Values,
  availableFor: (detail) => awaitingComplaints(detail).length > 0,
  fields: [
    {
      name: 'complaintId',
      kind: 'select',
      label: 'console.field.complaint',
      required: true,
      choices: awaitingComplaintChoices,
    },
    { name: 'reason', kind: 'textarea', label: 'console.field.reason', required: true },
  ],
  pathParams: (v: Values) => ({ complaintId: v.complaintId }),
  toBody: (v: Values) => ({ reason: v.reason.trim() }),
});
