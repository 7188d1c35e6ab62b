import { copyJson } from './json';

describe('copyJson', () => {
  it('copies every object and array, so that changing the copy leaves the original as it was', () => {
    const original = { text: 'Visited', names: [{ given: 'Aigerim' }], detail: { place: { city: 'Almaty' } } };
    const copy = copyJson(original);
    copy.names[0].given = 'changed';
    copy.detail.place.city = 'changed';
    copy.names.push({ given: 'added' });
    expect(original).toEqual({ text: 'Visited', names: [{ given: 'Aigerim' }], detail: { place: { city: 'Almaty' } } });
    expect(copy.detail).not.toBe(original.detail);
  });

  it('keeps every JSON value as it is: numbers, booleans, null, empty objects and arrays', () => {
    const original = { n: -1.5, zero: 0, yes: true, no: false, none: null, empty: {}, list: [], nested: [[1, 'a']] };
    expect(copyJson(original)).toEqual(original);
    expect(copyJson('text')).toBe('text');
    expect(copyJson(null)).toBeNull();
  });

  it('keeps a key named __proto__ as a field (as JSON.parse reads it), not as the prototype', () => {
    const original = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = copyJson(original);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a field whose value is undefined, as the value it copies has it', () => {
    expect(Object.keys(copyJson({ a: undefined, b: 1 }))).toEqual(['a', 'b']);
  });
});
