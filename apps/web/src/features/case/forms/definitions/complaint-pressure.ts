import { z } from 'zod';
import { given, optionalText, REQUIRED, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { complaintChoices } from './case-choices';

const schema = z.object({
  complaintId: z.string().min(1, { message: REQUIRED }),
  by: optionalText(300),
  details: requiredText(10000),
});
type Values = z.infer<typeof schema>;

/** The complainant was pressured over one of the case's complaints (to withdraw it, to keep silent). */
export const complaintPressureForm = defineWriteForm({
  id: 'complaintPressure',
  path: '/v1/cases/{caseId}/complaints/{complaintId}/pressure',
  schema,
  initial: { complaintId: '', by: '', details: '' } satisfies Values,
  availableFor: (detail) => detail.complaints.length > 0,
  fields: [
    {
      name: 'complaintId',
      kind: 'select',
      label: 'console.field.complaint',
      required: true,
      choices: complaintChoices,
    },
    { name: 'by', kind: 'text', label: 'console.field.pressureBy' },
    { name: 'details', kind: 'textarea', label: 'console.field.pressureDetails', required: true },
  ],
  pathParams: (v: Values) => ({ complaintId: v.complaintId }),
  toBody: (v: Values) => ({ by: given(v.by), details: v.details.trim() }),
});
