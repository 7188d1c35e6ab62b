import { z } from 'zod';
import { requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({ text: requiredText(20000) });
type Values = z.infer<typeof schema>;

/** Anything else worth keeping on the case, in the writer's words. */
export const noteForm = defineWriteForm({
  id: 'note',
  path: '/v1/cases/{caseId}/notes',
  schema,
  initial: { text: '' } satisfies Values,
  fields: [{ name: 'text', kind: 'textarea', label: 'console.field.noteText', required: true }],
  toBody: (v: Values) => ({ text: v.text.trim() }),
});
