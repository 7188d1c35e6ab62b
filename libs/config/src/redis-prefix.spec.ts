import { ConfigError, loadConfig } from './config';

const prefixOf = (env: Record<string, string>): string => loadConfig({ NODE_ENV: 'test', ...env }).redisPrefix;

describe('REDIS_PREFIX', () => {
  it('is derived from the database of DATABASE_URL when unset', () => {
    expect(prefixOf({})).toBe('casetrack:casetrack');
    expect(prefixOf({ DATABASE_URL: 'postgres://u:p@db.example.org:5432/ngo_east' })).toBe('casetrack:ngo_east');
    expect(prefixOf({ DATABASE_URL: 'postgres://u:p@db.example.org:5432/ngo_west' })).toBe('casetrack:ngo_west');
    // libpq's default database is the user's.
    expect(prefixOf({ DATABASE_URL: 'postgres://lawyers@db.example.org' })).toBe('casetrack:lawyers');
  });

  it('keeps a derived prefix safe in a key, and distinct for names differing only in unsafe characters', () => {
    const spaced = prefixOf({ DATABASE_URL: 'postgres://u@h/case%20track' });
    const starred = prefixOf({ DATABASE_URL: 'postgres://u@h/case*track' });
    expect(spaced).toMatch(/^casetrack:case_track-[0-9a-f]{12}$/);
    expect(starred).toMatch(/^casetrack:case_track-[0-9a-f]{12}$/);
    expect(spaced).not.toBe(starred);
  });

  it('takes REDIS_PREFIX as given when it is safe', () => {
    expect(prefixOf({ REDIS_PREFIX: 'ngo-east' })).toBe('ngo-east');
    expect(prefixOf({ REDIS_PREFIX: ' casetrack:ngo.east_2 ' })).toBe('casetrack:ngo.east_2');
  });

  it('refuses an unsafe REDIS_PREFIX at start, naming it', () => {
    for (const bad of ['a b', 'ngo*', 'ngo:', ':ngo', 'a::b', 'a{b}', 'x'.repeat(101), 'ngo\u0000'])
      expect(() => prefixOf({ REDIS_PREFIX: bad })).toThrow(ConfigError);
    expect(() => prefixOf({ REDIS_PREFIX: 'ngo?' })).toThrow(/REDIS_PREFIX/);
  });
});
