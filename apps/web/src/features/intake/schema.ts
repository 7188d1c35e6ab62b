import { z } from 'zod';
import {
  correctIdentityDtoPublicRolesValues as PUBLIC_ROLES,
  detaineeDtoSexValues as SEXES,
  detaineeDtoVulnerabilitiesValues as VULNERABILITIES,
  sourceDtoKindValues as SOURCE_KINDS,
} from '../../api/schema';
import type { WriteBody } from '../../api/types';
import {
  calendarDay,
  choiceOf,
  given,
  NOT_NUMBER,
  optionalChoiceOf,
  optionalText,
  requiredText,
} from '../../shared/validation';

export { PUBLIC_ROLES, SEXES, SOURCE_KINDS, VULNERABILITIES };

const thisYear = new Date().getUTCFullYear();

export const intakeSchema = z.object({
  fullName: requiredText(200),
  nameVariants: z.array(z.string().trim().min(1).max(200, { message: 'console.validation.tooLong' })).max(20),
  city: optionalText(100),
  birthDate: calendarDay(true),
  birthYear: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= thisYear), {
      message: NOT_NUMBER,
    }),
  sex: optionalChoiceOf(SEXES),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
  publicRoles: z.array(z.enum(PUBLIC_ROLES)),
  sourceKind: choiceOf(SOURCE_KINDS),
  sourceReference: optionalText(500),
});
export type IntakeValues = z.infer<typeof intakeSchema>;

export const INTAKE_INITIAL: IntakeValues = {
  fullName: '',
  nameVariants: [],
  city: '',
  birthDate: '',
  birthYear: '',
  sex: '',
  vulnerabilities: [],
  publicRoles: [],
  sourceKind: '',
  sourceReference: '',
};

/** The open-case body: only what was typed (absent is unknown). */
export function openCaseBody(v: IntakeValues): WriteBody<'/v1/cases'> {
  return {
    detainee: {
      fullName: v.fullName.trim(),
      nameVariants: v.nameVariants.length > 0 ? v.nameVariants.map((n) => n.trim()) : undefined,
      city: given(v.city),
      birthDate: given(v.birthDate),
      sex: v.sex === '' ? undefined : v.sex,
      vulnerabilities: v.vulnerabilities.length > 0 ? v.vulnerabilities : undefined,
    },
    source: { kind: v.sourceKind === '' ? 'self' : v.sourceKind, reference: given(v.sourceReference) },
  };
}

/**
 * What opening a case cannot carry (the contract's open-case body has no birth year or public roles), recorded right
 * after as an identity fact; null when there is nothing to add.
 */
export function identityBody(v: IntakeValues): WriteBody<'/v1/cases/{caseId}/identity'> | null {
  const birthYear = v.birthDate === '' && v.birthYear !== '' ? Number(v.birthYear) : undefined;
  if (birthYear === undefined && v.publicRoles.length === 0) return null;
  return { birthYear, publicRoles: v.publicRoles.length > 0 ? v.publicRoles : undefined };
}

/** The API names the open-case fields `detainee.*` and `source.*`; the form's fields are flat. */
export const INTAKE_API_FIELDS: Readonly<Record<string, string>> = {
  'detainee.fullName': 'fullName',
  'detainee.nameVariants': 'nameVariants',
  'detainee.city': 'city',
  'detainee.birthDate': 'birthDate',
  'detainee.sex': 'sex',
  'detainee.vulnerabilities': 'vulnerabilities',
  'source.kind': 'sourceKind',
  'source.reference': 'sourceReference',
  birthYear: 'birthYear',
  publicRoles: 'publicRoles',
};
