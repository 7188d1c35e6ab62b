import { describe, expect, it } from 'vitest';
import { identityBody, INTAKE_INITIAL, intakeSchema, openCaseBody } from './schema';

describe('the intake form’s bodies', () => {
  it('sends only what was typed: absent is unknown', () => {
    expect(openCaseBody({ ...INTAKE_INITIAL, fullName: ' Arman Zholatov ', sourceKind: 'relative' })).toEqual({
      detainee: { fullName: 'Arman Zholatov' },
      source: { kind: 'relative' },
    });
  });

  it('sends every field the open-case body takes', () => {
    const body = openCaseBody({
      ...INTAKE_INITIAL,
      fullName: 'Arman Zholatov',
      nameVariants: ['Жолатов Арман'],
      city: 'Almaty',
      birthDate: '1990-05-02',
      sex: 'male',
      vulnerabilities: ['wounded'],
      sourceKind: 'lawyer',
      sourceReference: '+7 700 000 00 00',
    });
    expect(body).toEqual({
      detainee: {
        fullName: 'Arman Zholatov',
        nameVariants: ['Жолатов Арман'],
        city: 'Almaty',
        birthDate: '1990-05-02',
        sex: 'male',
        vulnerabilities: ['wounded'],
      },
      source: { kind: 'lawyer', reference: '+7 700 000 00 00' },
    });
  });

  it('records the birth year and public roles, which opening a case cannot carry, as an identity fact', () => {
    expect(identityBody({ ...INTAKE_INITIAL, birthYear: '1990', publicRoles: ['journalist'] })).toEqual({
      birthYear: 1990,
      publicRoles: ['journalist'],
    });
    // A full date of birth wins over a year typed before it.
    expect(identityBody({ ...INTAKE_INITIAL, birthDate: '1990-05-02', birthYear: '1990' })).toBeNull();
    expect(identityBody(INTAKE_INITIAL)).toBeNull();
  });

  it('refuses a year of birth that is not one', () => {
    const result = intakeSchema.safeParse({ ...INTAKE_INITIAL, fullName: 'A', sourceKind: 'self', birthYear: '19' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['birthYear']);
  });
});
