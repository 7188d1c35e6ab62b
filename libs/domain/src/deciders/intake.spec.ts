import type { CaseCommand } from '../commands/case-commands';
import { opened } from '../testing/fixtures';
import { given } from '../testing/specification';

const openCase: CaseCommand = {
  type: 'OpenCase',
  detainee: {
    fullName: 'Zholatov Arman',
    nameVariants: [],
    sex: 'unknown',
    city: 'Almaty',
    vulnerabilities: ['minor'],
  },
  source: { kind: 'lawyer' },
};

describe('OpenCase', () => {
  it('assigns the lawyer who opens a case as its lead lawyer', () => {
    given()
      .when(openCase, { actor: { id: 'lawyer-7', role: 'lawyer' } })
      .then(
        {
          type: 'CaseOpened',
          data: {
            detainee: {
              fullName: 'Zholatov Arman',
              nameVariants: [],
              sex: 'unknown',
              city: 'Almaty',
              vulnerabilities: ['minor'],
            },
            source: { kind: 'lawyer' },
          },
        },
        { type: 'LawyerAssigned', data: { lawyerId: 'lawyer-7', role: 'lead' } },
      );
  });

  it('opens a case with the command fields', () => {
    given()
      .when(openCase)
      .then({
        type: 'CaseOpened',
        data: {
          detainee: {
            fullName: 'Zholatov Arman',
            nameVariants: [],
            sex: 'unknown',
            city: 'Almaty',
            vulnerabilities: ['minor'],
          },
          source: { kind: 'lawyer' },
        },
      });
  });

  it('omits undefined optional fields, nested ones included', () => {
    given()
      .when({
        type: 'OpenCase',
        detainee: {
          fullName: 'A',
          nameVariants: [],
          birthDate: undefined,
          sex: 'female',
          city: 'Zhanaozen',
          vulnerabilities: [],
        },
        source: { kind: 'relative', reference: undefined },
      })
      .then({
        type: 'CaseOpened',
        data: {
          detainee: { fullName: 'A', nameVariants: [], sex: 'female', city: 'Zhanaozen', vulnerabilities: [] },
          source: { kind: 'relative' },
        },
      });
  });

  it('refuses to open a case twice', () => {
    given(opened()).when(openCase).thenError('CASE_ALREADY_EXISTS');
  });
});
