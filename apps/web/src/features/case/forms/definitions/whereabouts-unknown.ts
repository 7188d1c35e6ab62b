import { z } from 'zod';
import { given, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({ reportedBy: optionalText(200) });
type Values = z.infer<typeof schema>;

/** Nobody knows where the person is held (the status becomes missing until a facility is known). */
export const whereaboutsUnknownForm = defineWriteForm({
  id: 'whereaboutsUnknown',
  path: '/v1/cases/{caseId}/whereabouts-unknown',
  schema,
  initial: { reportedBy: '' } satisfies Values,
  fields: [
    {
      name: 'reportedBy',
      kind: 'text',
      label: 'console.field.reportedBy',
      description: 'console.field.reportedByHint',
    },
  ],
  toBody: (v: Values) => ({ reportedBy: given(v.reportedBy) }),
});
