import { readCharges } from './articles';

describe('readCharges: articles as lists write them', () => {
  it.each([
    ['ст. 272 ч. 2 УК', { code: 'criminal', article: '272', part: '2', title: null }],
    ['ч.2 ст.272 УК РК', { code: 'criminal', article: '272', part: '2', title: null }],
    ['статья 255 часть 3', { code: null, article: '255', part: '3', title: null }],
    ['272-2', { code: null, article: '272', part: '2', title: null }],
    ['272', { code: null, article: '272', part: null, title: null }],
    ['УК 274', { code: 'criminal', article: '274', part: null, title: null }],
    ['п. 1 ч. 2 ст. 272 УК', { code: 'criminal', article: '272', part: '2', title: null }],
    ['КоАП 488', { code: 'administrative', article: '488', part: null, title: null }],
    ['ст. 20.2 КоАП', { code: 'administrative', article: '20.2', part: null, title: null }],
    ['ӘҚБтК 488', { code: 'administrative', article: '488', part: null, title: null }],
    ['ҚК 272-бабы 2-бөлігі', { code: 'criminal', article: '272', part: '2', title: null }],
    ['Criminal Code art. 255 part 1', { code: 'criminal', article: '255', part: '1', title: null }],
    ['массовые беспорядки', { code: null, article: null, part: null, title: 'массовые беспорядки' }],
  ])('%s', (text, charge) => {
    expect(readCharges(text)).toEqual({ ok: true, charges: [charge] });
  });

  it('reads several charges in one cell', () => {
    expect(readCharges('ст. 272 ч. 2 УК; ст. 274 УК')).toEqual({
      ok: true,
      charges: [
        { code: 'criminal', article: '272', part: '2', title: null },
        { code: 'criminal', article: '274', part: null, title: null },
      ],
    });
    expect(readCharges('272, ст. 255')).toMatchObject({ ok: true, charges: [{ article: '272' }, { article: '255' }] });
  });

  it('leaves an empty cell empty and refuses digits that name no article', () => {
    expect(readCharges('  ')).toBeNull();
    expect(readCharges('12345')).toEqual({ ok: false, messageKey: 'imports.value.articleUnreadable' });
  });
});
