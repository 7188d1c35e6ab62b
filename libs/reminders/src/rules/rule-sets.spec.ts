import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleSets, RuleSetError, rulesDirectory } from './rule-sets';

describe('the rule set files in rules/', () => {
  const directory = rulesDirectory();
  const files = readdirSync(directory).filter((file) => file.endsWith('.json'));

  it('are found beside package.json', () => {
    expect(files).toEqual(expect.arrayContaining(['international.json', 'kz.json']));
  });

  it.each(files)('%s is a valid rule set named as its file', (file) => {
    const id = file.replace(/\.json$/, '');
    const [set] = loadRuleSets([id], directory);
    expect(set.id).toBe(id);
  });

  it('every rule names its article and an official https text; rules left out say what was searched', () => {
    for (const set of loadRuleSets(
      files.map((file) => file.replace(/\.json$/, '')),
      directory,
    )) {
      for (const rule of set.rules) {
        expect(rule.source.article.length).toBeGreaterThan(0);
        expect(new URL(rule.source.url).protocol).toBe('https:');
      }
      for (const omitted of set.omitted ?? []) expect(omitted.searched.length).toBeGreaterThan(20);
    }
  });

  it('Kazakhstan: the official texts are adilet.zan.kz', () => {
    const [kz] = loadRuleSets(['kz'], directory);
    expect(kz.rules.map((rule) => new URL(rule.source.url).host)).toEqual(kz.rules.map(() => 'adilet.zan.kz'));
  });
});

describe('loadRuleSets', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'rules-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const fail = (ids: string[]): string[] => {
    try {
      loadRuleSets(ids, directory);
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      return (error as RuleSetError).problems;
    }
    throw new Error('expected a RuleSetError');
  };

  it('stops on a missing file, bad JSON, an invalid set and a set whose id is not its name, listing each', () => {
    writeFileSync(join(directory, 'broken.json'), '{ "id": ');
    writeFileSync(
      join(directory, 'nosource.json'),
      JSON.stringify({
        id: 'nosource',
        version: '1',
        jurisdiction: 'XX',
        name: { en: 'a', ru: 'a', kk: 'a' },
        rules: [
          {
            id: 'r',
            trigger: { fact: 'detention' },
            deadline: { offset: { hours: 1 } },
            remind: 'lawyers',
            name: { en: 'a', ru: 'a', kk: 'a' },
          },
        ],
      }),
    );
    writeFileSync(
      join(directory, 'other.json'),
      JSON.stringify({
        id: 'another',
        version: '1',
        jurisdiction: 'XX',
        name: { en: 'a', ru: 'a', kk: 'a' },
        rules: [],
      }),
    );
    const problems = fail(['missing', 'broken', 'nosource', 'other']);
    expect(problems[0]).toBe(`rules/missing.json: no such file in ${directory}`);
    expect(problems[1]).toMatch(/^rules\/broken\.json: not valid JSON/);
    expect(problems.slice(2)).toEqual([
      'rules/nosource.json rules[0].source: is required: every rule names its article and the official text',
      'rules/other.json id: is "another", not the file\'s name "other"',
    ]);
  });

  it('the error message names RULE_SETS and every problem', () => {
    expect(() => loadRuleSets(['missing'], directory)).toThrow(
      /^Invalid deadline rule sets \(RULE_SETS\):\n {2}- rules\/missing\.json/,
    );
  });

  it('reads the sets in the order given', () => {
    for (const id of ['b', 'a']) {
      writeFileSync(
        join(directory, `${id}.json`),
        JSON.stringify({ id, version: '1', jurisdiction: 'XX', name: { en: 'a', ru: 'a', kk: 'a' }, rules: [] }),
      );
    }
    expect(loadRuleSets(['b', 'a'], directory).map((set) => set.id)).toEqual(['b', 'a']);
  });
});
