import { withNamesErased } from './erasure-sweep';

describe('names erased from stored answers', () => {
  const erased = new Set(['case-erased']);

  it('erases the names of an erased case wherever it is named, and nothing else', () => {
    const answer = {
      kind: 'appended',
      answer: {
        caseId: 'case-new',
        version: 1,
        possibleDuplicates: [
          { caseId: 'case-erased', fullName: 'Bolat Qoryqbai', city: 'Taraz', score: 0.93 },
          { caseId: 'case-other', fullName: 'Bolat Qoryqbaev', city: 'Taraz', score: 0.9 },
        ],
      },
    };
    expect(withNamesErased(answer, erased)).toEqual({
      kind: 'appended',
      answer: {
        caseId: 'case-new',
        version: 1,
        possibleDuplicates: [
          { caseId: 'case-erased', fullName: '[erased]', city: 'Taraz', score: 0.93 },
          { caseId: 'case-other', fullName: 'Bolat Qoryqbaev', city: 'Taraz', score: 0.9 },
        ],
      },
    });
    expect(answer.answer.possibleDuplicates[0].fullName).toBe('Bolat Qoryqbai');
  });

  it('empties name variants and keeps null as null', () => {
    expect(withNamesErased({ caseId: 'case-erased', nameVariants: ['Болат'] }, erased)).toEqual({
      caseId: 'case-erased',
      nameVariants: [],
    });
    expect(withNamesErased(null, erased)).toBeNull();
  });
});
