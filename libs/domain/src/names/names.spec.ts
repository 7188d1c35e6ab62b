import {
  DUPLICATE_THRESHOLD,
  SEARCH_THRESHOLD,
  duplicateScore,
  nameKeys,
  nameSearchKey,
  nameSimilarity,
  nameTokens,
  nameWordSimilarity,
  normaliseName,
} from './index';
import { isSlip, oneWordSlipped, slipBetween } from './slip';
import { trigramSimilarity, trigramWordSimilarity } from './trigram';
import { DIFFERENT_PEOPLE, DUPLICATES, SAME_NAME, SEARCH_FINDS } from './name-pairs.fixture';

describe('normaliseName', () => {
  it.each(SAME_NAME)('%s = %s', (a: string, b: string) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
    expect(nameSimilarity(a, b)).toBe(1);
    expect(duplicateScore(a, b)).toBe(1);
  });

  it.each(SAME_NAME.flat())('is idempotent for %s', (name: string) => {
    expect(normaliseName(normaliseName(name))).toBe(normaliseName(name));
  });

  it('gives readable canonical keys, core words sorted, patronymics last', () => {
    expect(normaliseName('Жолатов Нурлан')).toBe('nurlan zholatov');
    expect(normaliseName('Хасенов Нурлан Серикович')).toBe('khasenov nurlan serikovich');
    expect(normaliseName('Serikov Aigerim Nurlan qyzy')).toBe('aigerim serikov nurlankizi');
    expect(normaliseName('Щербаков')).toBe('sherbakov');
    expect(normaliseName('Цой')).toBe('tsoi');
    expect(normaliseName('Өмірзақ')).toBe('omirzak');
  });

  it('reads x as kh in Uzbek spellings and as ks in European ones', () => {
    expect(normaliseName('Xolmatov')).toBe('kholmatov');
    expect(normaliseName('Baxrom')).toBe('bakhrom');
    expect(normaliseName('Maxim')).toBe('maksim');
  });

  it('returns an empty key for a name without letters', () => {
    expect(normaliseName(' - ., ')).toBe('');
    expect(nameSimilarity('', 'Nurlan')).toBe(0);
  });
});

describe('nameTokens', () => {
  it('separates patronymics, including detached Kazakh uly/kyzy', () => {
    expect(nameTokens('Askar Serik uly Dzhaksybekov')).toEqual({
      core: ['askar', 'zhaksibekov'],
      patronymic: ['serikuli'],
    });
    expect(nameTokens('Aigerim Nurlanovna Ivanova').patronymic).toEqual(['nurlanovna']);
  });
});

describe('nameKeys', () => {
  it('stores every spelling once: Latin, Cyrillic and transliteration variants fold together', () => {
    const keys: string = nameKeys('Нурлан Серикович Хасенов', ['Nurlan Khasenov', 'Nurlan Hasenov', 'Hasenov Nurlan']);
    expect(keys).toBe('khasenov nurlan serikovich');
  });

  it('keeps the full name words adjacent, then words only a variant has, then patronymics', () => {
    const keys: string = nameKeys('Zholatov Nurlan', ['Nurlanbek Jolatov Serikuly', 'Жолатов Нурлан Серикович']);
    expect(keys).toBe('nurlan zholatov nurlanbek serikovich serikuli');
    expect(nameWordSimilarity('Nurlan Jolatov', keys)).toBe(1);
    expect(nameWordSimilarity('Nurlanbek Zholatov', keys)).toBeGreaterThanOrEqual(SEARCH_THRESHOLD);
  });
});

describe('search', () => {
  it.each(SEARCH_FINDS)('q=%s finds %s', (query: string, stored: string) => {
    expect(nameWordSimilarity(query, nameKeys(stored, []))).toBeGreaterThanOrEqual(SEARCH_THRESHOLD);
  });

  it('finds Zholatov and Жолатов for q=Jolatov, and both for q=Жолатов', () => {
    const stored: string[] = [nameKeys('Nurlan Zholatov', []), nameKeys('Жолатов Ерлан', [])];
    for (const q of ['Jolatov', 'Жолатов', 'Zholatov'])
      for (const keys of stored) expect(nameWordSimilarity(q, keys)).toBe(1);
  });

  it('matches a query without its patronymic', () => {
    expect(nameSearchKey('Хасенов Нурлан Серикович')).toBe('khasenov nurlan');
  });

  it('does not find names that differ in one vowel', () => {
    expect(nameWordSimilarity('Marat', nameKeys('Murat Serikov', []))).toBeLessThan(SEARCH_THRESHOLD);
  });
});

describe('duplicateScore', () => {
  it.each(DUPLICATES)('%s is a possible duplicate of %s', (a: string, b: string) => {
    expect(normaliseName(a)).not.toBe(normaliseName(b));
    expect(duplicateScore(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(duplicateScore(b, a)).toBe(duplicateScore(a, b));
  });

  it.each(DIFFERENT_PEOPLE)('%s is not %s', (a: string, b: string) => {
    expect(normaliseName(a)).not.toBe(normaliseName(b));
    expect(duplicateScore(a, b)).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(duplicateScore(b, a)).toBe(duplicateScore(a, b));
  });

  it('needs the weakest-word cap: whole-name similarity alone would merge brothers', () => {
    const a = 'Marat Nurlanovich Kuanyshbayev';
    const b = 'Murat Nurlanovich Kuanyshbayev';
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(duplicateScore(a, b)).toBeLessThan(DUPLICATE_THRESHOLD);
  });
});

describe('trigram model of pg_trgm', () => {
  it('matches the values PostgreSQL documents and returns', () => {
    // SELECT similarity('word', 'two words') = 0.363636; word_similarity('word', 'two words') = 0.8
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(4 / 11, 5);
    expect(trigramWordSimilarity('word', 'two words')).toBeCloseTo(0.8, 5);
  });

  it('ignores word order', () => {
    expect(nameSimilarity('Nurlan Khasenov', 'Khasenov Nurlan')).toBe(1);
  });
});

describe('test tables', () => {
  it('are large enough', () => {
    expect(SAME_NAME.length + DUPLICATES.length).toBeGreaterThanOrEqual(40);
    expect(DIFFERENT_PEOPLE.length).toBeGreaterThanOrEqual(40);
  });
});

describe('slips of the hand', () => {
  it.each([
    ['borisov', 'broisov', 'transposition'],
    ['ivanov', 'ivanvo', 'transposition'],
    ['esatov', 'estov', 'deletion'],
    ['estov', 'esatov', 'deletion'],
    ['kuanishev', 'kuanushev', 'substitution'],
    ['ivanov', 'ivanov', null],
    ['borisov', 'brosiov', null],
    ['esatov', 'esav', null],
  ])('%s / %s: %s', (a: string, b: string, slip: string | null) => {
    expect(slipBetween(a, b)).toBe(slip);
  });

  it('counts a slip in the script it was typed in', () => {
    expect(isSlip('михайлович', 'миайлович')).toBe(true);
    expect(isSlip('mikhailovich', 'miailovich')).toBe(false);
  });

  it('does not take the other sex form, another first letter or a short word for a slip', () => {
    expect(isSlip('ivanov', 'ivanova')).toBe(false);
    expect(isSlip('иванов', 'иванова')).toBe(false);
    expect(isSlip('serikov', 'berikov')).toBe(false);
    expect(isSlip('asel', 'aesl')).toBe(false);
  });

  it('accepts one slipped word only when every other word is equal', () => {
    expect(oneWordSlipped(['roman', 'borisov'], ['broisov', 'roman'])).toBe(true);
    expect(oneWordSlipped(['roman', 'borisov'], ['broisov', 'roma'])).toBe(false);
    expect(oneWordSlipped(['borisov'], ['broisov'])).toBe(false);
  });
});

describe('patronymics', () => {
  it.each([
    'Serikuly',
    'Serikulı',
    'Серікұлы',
    'Серикулы',
    'Serik uly',
    'Nurlanqyzy',
    'Nurlankyzy',
    'Нұрланқызы',
    'Нурланкызы',
  ])('reads %s as a patronymic', (word: string) => {
    expect(nameTokens(`Askar ${word} Zholatov`).patronymic).toHaveLength(1);
  });

  it.each(['Жансұлу', 'Gulsulu', 'Арсұлу'])('reads the given name %s as a given name', (word: string) => {
    expect(nameTokens(`${word} Amanatova`).patronymic).toEqual([]);
  });
});
