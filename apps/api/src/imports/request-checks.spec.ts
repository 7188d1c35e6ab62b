import { decisionProblems, mappingProblems } from './request-checks';

const COLUMNS = ['ФИО', 'Город', 'Суд'];

describe('an import mapping and its decisions', () => {
  it('accepts columns of the file mapped to fields of the kind, each field once, with the name', () => {
    expect(mappingProblems({ ФИО: 'fullName', Город: 'city' }, COLUMNS, 'cases')).toEqual([]);
    expect(mappingProblems({ ФИО: 'fullName', Суд: 'court' }, COLUMNS, 'hearings')).toEqual([]);
  });

  it('names the column of each problem', () => {
    expect(mappingProblems({ ФИО: 'fullName', Нет: 'city' }, COLUMNS, 'cases').map((p) => p.field)).toEqual([
      'mapping.Нет',
    ]);
    expect(mappingProblems({ ФИО: 'fullName', Суд: 'court' }, COLUMNS, 'cases').map((p) => p.field)).toEqual([
      'mapping.Суд',
    ]);
    expect(mappingProblems({ ФИО: 'fullName', Город: 'fullName' }, COLUMNS, 'cases').map((p) => p.field)).toEqual([
      'mapping.Город',
    ]);
    expect(mappingProblems({ Город: 'city' }, COLUMNS, 'cases').map((p) => p.field)).toEqual(['mapping']);
    expect(mappingProblems({ ФИО: 7 }, COLUMNS, 'cases').map((p) => p.field)).toEqual(['mapping.ФИО', 'mapping']);
  });

  it('takes decisions for rows of the file: new, skip or {addTo: caseId}', () => {
    const rows = new Set([2, 3, 4]);
    const caseId = '0b9e6a4e-5f38-4f7e-9d62-3f1c1a8f2a10';
    expect(decisionProblems({ 2: 'new', 3: 'skip', 4: { addTo: caseId.toUpperCase() } }, rows)).toEqual({
      problems: [],
      decisions: { 2: 'new', 3: 'skip', 4: { addTo: caseId } },
    });
    const refused = decisionProblems(
      { 1: 'new', 2: 'maybe', 3: { addTo: 'nope' }, 4: { addTo: caseId, also: 1 }, x: 'skip' },
      rows,
    );
    expect(refused.problems.map((p) => p.field)).toEqual([
      'decisions.1',
      'decisions.2',
      'decisions.3',
      'decisions.4',
      'decisions.x',
    ]);
    expect(refused.decisions).toEqual({});
  });
});
