import { ConfigError, loadConfig } from './config';
import { parseDuration, parseDurationList } from './durations';

const H = 3_600_000;
const KEY = { MASTER_KEY: '07'.repeat(32) };

describe('reminder configuration', () => {
  it('parses durations in s, m, h, d', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('72h')).toBe(72 * H);
    expect(parseDuration('7d')).toBe(7 * 24 * H);
    expect(parseDuration('1.5h')).toBe(1.5 * H);
    for (const bad of ['', '10', '-1h', '0s', 'h', '1w', '1 day']) expect(parseDuration(bad)).toBeNull();
    expect(parseDurationList('2h, 72h,24h,2h')).toEqual([72 * H, 24 * H, 2 * H]);
    expect(parseDurationList('2h,x')).toBeNull();
  });

  it('reads RULE_SETS as rule set ids (default international, none for no rule set) and refuses anything else', () => {
    expect(loadConfig(KEY).reminders.ruleSets).toEqual(['international']);
    expect(loadConfig({ ...KEY, RULE_SETS: ' kz, international ' }).reminders.ruleSets).toEqual([
      'kz',
      'international',
    ]);
    expect(loadConfig({ ...KEY, RULE_SETS: 'none' }).reminders.ruleSets).toEqual([]);
    expect(() => loadConfig({ ...KEY, RULE_SETS: '../etc/passwd' })).toThrow(
      'RULE_SETS must list rule set ids such as kz,international, or none (got "../etc/passwd")',
    );
    expect(() => loadConfig({ ...KEY, RULE_SETS: 'kz,kz' })).toThrow('RULE_SETS names a rule set twice (got "kz,kz")');
  });

  it('names the detainee by initials unless REMINDER_DETAIL=full; requires STARTTLS in production unless allowed', () => {
    const production = { ...KEY, NODE_ENV: 'production', WEBHOOK_SECRET: 'w'.repeat(16) };
    expect(loadConfig({ ...KEY, NODE_ENV: 'development' }).delivery).toMatchObject({
      reminderDetail: 'initials',
      smtpRequireTls: false,
    });
    expect(loadConfig({ ...KEY, REMINDER_DETAIL: 'full' }).delivery.reminderDetail).toBe('full');
    expect(() => loadConfig({ ...KEY, REMINDER_DETAIL: 'names' })).toThrow(ConfigError);
    expect(loadConfig(production).delivery.smtpRequireTls).toBe(true);
    expect(loadConfig({ ...production, SMTP_ALLOW_PLAIN: 'true' }).delivery.smtpRequireTls).toBe(false);
  });

  it('defaults: 72h/24h/2h before hearings, 7d/2d before a measure ends, escalation after 24h', () => {
    const config = loadConfig({ ...KEY, NODE_ENV: 'development' });
    expect(config.reminders).toMatchObject({
      hearingOffsetsMs: [72 * H, 24 * H, 2 * H],
      measureOffsetsMs: [7 * 24 * H, 2 * 24 * H],
      escalationAfterMs: 24 * H,
      queue: 'reminders',
    });
    expect(config.roles).toEqual(['api', 'projector', 'worker']);
    expect(loadConfig({ NODE_ENV: 'test' }).roles).toEqual(['api', 'projector']);
    expect(config.delivery.webhookAllowPrivate).toBe(false);
  });

  it('reads the environment and names every bad value', () => {
    const config = loadConfig({ NODE_ENV: 'test', HEARING_REMINDER_OFFSETS: '10s,5s', ESCALATION_AFTER: '3s' });
    expect(config.reminders.hearingOffsetsMs).toEqual([10_000, 5_000]);
    expect(config.reminders.escalationAfterMs).toBe(3_000);
    try {
      loadConfig({
        HEARING_REMINDER_OFFSETS: 'soon',
        SMTP_URL: 'http://x',
        REMINDER_QUEUE: 'a:b',
        ROLES: 'worker,cron',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      for (const name of ['HEARING_REMINDER_OFFSETS', 'SMTP_URL', 'REMINDER_QUEUE', 'ROLES'])
        expect(text).toContain(name);
    }
  });

  it('production needs WEBHOOK_SECRET when it runs the worker', () => {
    expect(() => loadConfig({ ...KEY, NODE_ENV: 'production', ROLES: 'worker' })).toThrow(/WEBHOOK_SECRET/);
    expect(loadConfig({ ...KEY, NODE_ENV: 'production', ROLES: 'api' }).roles).toEqual(['api']);
    expect(
      loadConfig({ ...KEY, NODE_ENV: 'production', WEBHOOK_SECRET: 'a-long-enough-secret' }).delivery.webhookSecret,
    ).toBe('a-long-enough-secret');
  });
});
