import { z } from 'zod';
import {
  correctIdentityDtoPublicRolesValues as PUBLIC_ROLES,
  correctIdentityDtoSexValues as SEXES,
  correctIdentityDtoVulnerabilitiesValues as VULNERABILITIES,
} from '../../../../api/schema';
import type { CaseDetail } from '../../../../api/types';
import { calendarDay, NOT_NUMBER, optionalChoiceOf, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  fullName: optionalText(200),
  birthDate: calendarDay(true),
  birthYear: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, { message: NOT_NUMBER }),
  sex: optionalChoiceOf(SEXES),
  city: optionalText(100),
  occupation: optionalText(200),
  publicRoles: z.array(z.enum(PUBLIC_ROLES)),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
});
type Values = z.infer<typeof schema>;

/** A text that was changed (a field emptied is not sent: the API keeps what is known; absent means no change). */
function changed(value: string, known: string | number | null): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' || trimmed === String(known ?? '') ? undefined : trimmed;
}

/** A list that was changed, emptied included: a list given replaces the one known, an empty one says none. */
function changedList<T extends string>(value: readonly T[], known: readonly string[]): T[] | undefined {
  const same = value.length === known.length && value.every((item) => known.includes(item));
  return same ? undefined : [...value];
}

/**
 * Who the person is, corrected or completed. The form starts from what the case knows and sends only what the person
 * changed, so a correction of the city does not re-record the name (the history keeps every version).
 */
export const identityForm = defineWriteForm({
  id: 'identity',
  path: '/v1/cases/{caseId}/identity',
  schema,
  initial: {
    fullName: '',
    birthDate: '',
    birthYear: '',
    sex: '',
    city: '',
    occupation: '',
    publicRoles: [],
    vulnerabilities: [],
  } satisfies Values,
  initialFrom: (detail: CaseDetail): Partial<Values> => ({
    fullName: detail.fullName,
    birthDate: detail.birthDate ?? '',
    birthYear: detail.birthYear === null ? '' : String(detail.birthYear),
    sex: detail.sex ?? '',
    city: detail.city ?? '',
    occupation: detail.occupation ?? '',
    publicRoles: [...detail.publicRoles],
    vulnerabilities: [...detail.vulnerabilities],
  }),
  fields: [
    { name: 'fullName', kind: 'text', label: 'console.intake.field.fullName' },
    { name: 'birthDate', kind: 'date', label: 'console.intake.field.birthDate' },
    {
      name: 'birthYear',
      kind: 'number',
      label: 'console.intake.field.birthYear',
      description: 'console.intake.field.birthYearHint',
    },
    {
      name: 'sex',
      kind: 'select',
      label: 'console.intake.field.sex',
      vocabulary: { labels: 'vocabulary.sex', values: SEXES },
    },
    { name: 'city', kind: 'text', label: 'console.field.city' },
    { name: 'occupation', kind: 'text', label: 'console.field.occupation' },
    {
      name: 'publicRoles',
      kind: 'multiselect',
      label: 'console.intake.field.publicRoles',
      vocabulary: { labels: 'vocabulary.publicRole', values: PUBLIC_ROLES },
    },
    {
      name: 'vulnerabilities',
      kind: 'multiselect',
      label: 'console.intake.field.vulnerabilities',
      vocabulary: { labels: 'vocabulary.vulnerability', values: VULNERABILITIES },
    },
  ],
  toBody: (v: Values, _timeZone: string, detail: CaseDetail) => {
    const birthYear = changed(v.birthYear, detail.birthYear);
    const sex = changed(v.sex, detail.sex);
    return {
      fullName: changed(v.fullName, detail.fullName),
      birthDate: changed(v.birthDate, detail.birthDate),
      birthYear: birthYear === undefined ? undefined : Number(birthYear),
      sex: sex === undefined ? undefined : (sex as (typeof SEXES)[number]),
      city: changed(v.city, detail.city),
      occupation: changed(v.occupation, detail.occupation),
      publicRoles: changedList(v.publicRoles, detail.publicRoles),
      vulnerabilities: changedList(v.vulnerabilities, detail.vulnerabilities),
    };
  },
});
