import { z } from 'zod';
import { requiredText } from '../../../../shared/validation';
import { EraseConfirm } from '../EraseConfirm';
import { defineWriteForm } from '../registry';

const schema = z.object({ reason: requiredText(2000) });
type Values = z.infer<typeof schema>;

/**
 * Erasure destroys the case's key: every text typed on it reads as erased from then on, and nothing brings it back.
 * Coordinators only, and only after a confirmation that names what is destroyed.
 */
export const eraseForm = defineWriteForm({
  id: 'erase',
  path: '/v1/cases/{caseId}/erase',
  schema,
  initial: { reason: '' } satisfies Values,
  roles: ['coordinator'],
  confirm: EraseConfirm,
  fields: [{ name: 'reason', kind: 'textarea', label: 'console.field.eraseReason', required: true }],
  toBody: (v: Values) => ({ reason: v.reason.trim() }),
});
