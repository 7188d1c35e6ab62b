import { copyText, NotCopyable } from './bulk-rows';

const columns = [
  { name: 'name', kind: 'scalar' },
  { name: 'variants', kind: 'array' },
  { name: 'detail', kind: 'json' },
  { name: 'closed', kind: 'scalar' },
  { name: 'count', kind: 'scalar' },
] as const;

describe('rows in COPY text format', () => {
  it('writes one line per row, tab-separated, in column order', () => {
    const text = copyText(columns, [
      { name: 'Aruzhan', variants: ['Аружан'], detail: { a: 1 }, closed: false, count: 3 },
      { count: 0, closed: true, detail: [], variants: [], name: 'B' },
    ]);
    expect(text).toBe('Aruzhan\t{"Аружан"}\t{"a":1}\tf\t3\nB\t{}\t[]\tt\t0\n');
  });

  it('writes null, a missing key and a JSON null as NULL, and an empty string as an empty string', () => {
    const text = copyText(columns, [{ name: '', variants: null, detail: null, closed: undefined }]);
    expect(text).toBe('\t\\N\t\\N\t\\N\t\\N\n');
  });

  it('escapes what the text format reads specially, so that typed text cannot end a column or a row', () => {
    const typed = 'a\tb\nc\rd\\N e\\';
    const text = copyText(columns.slice(0, 1), [{ name: typed }]);
    expect(text).toBe('a\\tb\\nc\\rd\\\\N e\\\\\n');
    expect(text.split('\t')).toHaveLength(1);
    expect(text.split('\n')).toEqual(['a\\tb\\nc\\rd\\\\N e\\\\', '']);
  });

  it('quotes every array element, so that NULL, commas, braces and quotes stay text', () => {
    const text = copyText(columns.slice(1, 2), [
      { variants: ['NULL', 'a,b', '{c}', 'say "hi"', 'back\\slash', null, 7] },
    ]);
    // The array literal is {"NULL","a,b","{c}","say \"hi\"","back\\slash",NULL,"7"}; COPY then doubles its backslashes.
    expect(text).toBe('{"NULL","a,b","{c}","say \\\\"hi\\\\"","back\\\\\\\\slash",NULL,"7"}\n');
  });

  it('escapes JSON text as any other text', () => {
    const text = copyText(columns.slice(2, 3), [{ detail: { note: 'line\nbreak\t"q"' } }]);
    expect(text).toBe('{"note":"line\\\\nbreak\\\\t\\\\"q\\\\""}\n');
  });

  it('writes a number JSON cannot hold as NULL, as the JSON statements store it', () => {
    expect(copyText(columns.slice(3, 5), [{ closed: true, count: Number.NaN }])).toBe('t\t\\N\n');
    expect(copyText(columns.slice(1, 2), [{ variants: [1, Number.POSITIVE_INFINITY] }])).toBe('{"1",NULL}\n');
  });

  it('hands back text that COPY would read otherwise than the JSON statements: a NUL, half a surrogate pair', () => {
    expect(() => copyText(columns.slice(0, 1), [{ name: 'a\u0000b' }])).toThrow(NotCopyable);
    expect(() => copyText(columns.slice(0, 1), [{ name: 'a\ud800b' }])).toThrow(NotCopyable);
    expect(() => copyText(columns.slice(1, 2), [{ variants: ['ok', '\udc00'] }])).toThrow(NotCopyable);
    // A whole pair is one character.
    expect(copyText(columns.slice(0, 1), [{ name: 'a\ud83d\ude00' }])).toBe('a😀\n');
  });

  it('refuses a value it cannot write rather than writing something else', () => {
    expect(() => copyText(columns.slice(0, 1), [{ name: { nested: true } }])).toThrow(TypeError);
    expect(() => copyText(columns.slice(1, 2), [{ variants: 'not an array' }])).toThrow(TypeError);
    expect(() => copyText(columns.slice(1, 2), [{ variants: [{ a: 1 }] }])).toThrow(TypeError);
  });
});
