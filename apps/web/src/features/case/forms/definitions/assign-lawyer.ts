import { z } from 'zod';
import { assignLawyerDtoRoleValues as ROLES } from '../../../../api/schema';
import { choiceOf, REQUIRED } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  lawyerId: z.string().min(1, { message: REQUIRED }),
  role: choiceOf(ROLES),
});
type Values = z.infer<typeof schema>;

/** A lawyer takes the case on, as lead or in support; only lawyers not on it yet are offered. */
export const assignLawyerForm = defineWriteForm({
  id: 'assignLawyer',
  path: '/v1/cases/{caseId}/lawyers',
  schema,
  initial: { lawyerId: '', role: '' } satisfies Values,
  fields: [
    {
      name: 'lawyerId',
      kind: 'user',
      label: 'console.field.lawyer',
      required: true,
      users: (detail) => ({ role: 'lawyer', except: detail.lawyers.map((l) => l.lawyerId) }),
    },
    {
      name: 'role',
      kind: 'select',
      label: 'console.field.lawyerRole',
      required: true,
      vocabulary: { labels: 'vocabulary.lawyerRole', values: ROLES },
    },
  ],
  toBody: (v: Values) => ({ lawyerId: v.lawyerId, role: v.role === '' ? 'support' : v.role }),
});
