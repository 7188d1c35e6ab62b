import { z } from 'zod';
import { linkCaseDtoRelationValues as RELATIONS } from '../../../../api/schema';
import { choiceOf, given, optionalText, REQUIRED } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  linkedCaseId: z.string().min(1, { message: REQUIRED }),
  relation: choiceOf(RELATIONS),
  note: optionalText(2000),
});
type Values = z.infer<typeof schema>;

/** Another case related to this one (a relative, detained together, the same incident); both list the link. */
export const linkForm = defineWriteForm({
  id: 'link',
  path: '/v1/cases/{caseId}/links',
  schema,
  initial: { linkedCaseId: '', relation: '', note: '' } satisfies Values,
  fields: [
    { name: 'linkedCaseId', kind: 'case', label: 'console.field.linkedCase', required: true, apiField: 'caseId' },
    {
      name: 'relation',
      kind: 'select',
      label: 'console.field.relation',
      required: true,
      vocabulary: { labels: 'vocabulary.linkRelation', values: RELATIONS },
    },
    { name: 'note', kind: 'textarea', label: 'console.field.linkNote' },
  ],
  toBody: (v: Values) => ({
    caseId: v.linkedCaseId,
    relation: v.relation === '' ? 'other' : v.relation,
    note: given(v.note),
  }),
});
