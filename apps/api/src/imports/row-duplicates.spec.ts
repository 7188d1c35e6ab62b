import { FileDuplicates, type RowPerson } from './row-duplicates';

const person = (row: number, fullName: string, city: string | null = 'Almaty', nameVariants: string[] = []) =>
  ({ row, fullName, nameVariants, city }) satisfies RowPerson;

describe('FileDuplicates: rows of one file that may be the same person', () => {
  it('names the earlier row, and the case it opens, for the same person in another script or order', () => {
    const rows = new FileDuplicates((row) => `case-of-${row}`);
    expect(rows.add(person(2, 'Zhanbolat Iskakov'))).toEqual([]);
    expect(rows.add(person(3, 'Исқақов Жанболат'))).toEqual([{ row: 2, caseId: 'case-of-2', score: 1 }]);
    expect(rows.add(person(4, 'Janbolat Yskakov', 'almaty '))).toEqual([
      { row: 2, caseId: 'case-of-2', score: 1 },
      { row: 3, caseId: 'case-of-3', score: 1 },
    ]);
  });

  it('compares people of one city only, and never a row without a city or a name', () => {
    const rows = new FileDuplicates((row) => `case-of-${row}`);
    rows.add(person(2, 'Nurlan Khasenov', 'Almaty'));
    expect(rows.add(person(3, 'Nurlan Hasenov', 'Taraz'))).toEqual([]);
    expect(rows.add(person(4, 'Nurlan Hasenov', null))).toEqual([]);
    expect(rows.add(person(5, '', 'Almaty'))).toEqual([]);
  });

  it('keeps apart people whose names are only alike (another first name, a sister)', () => {
    const rows = new FileDuplicates((row) => `case-of-${row}`);
    rows.add(person(2, 'Marat Ospanov'));
    expect(rows.add(person(3, 'Murat Ospanov'))).toEqual([]);
    expect(rows.add(person(4, 'Aigerim Bekzhanova'))).toEqual([]);
    expect(rows.add(person(5, 'Aigerim Bekzhanov'))).toEqual([]);
  });

  it('lists at most ten earlier rows, best first, however many share the name', () => {
    const rows = new FileDuplicates((row) => `case-of-${row}`);
    for (let row = 2; row < 40; row++) rows.add(person(row, 'Arman Zholatov'));
    const found = rows.add(person(40, 'Арман Жолатов'));
    expect(found).toHaveLength(10);
    expect(found.map((duplicate) => duplicate.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
