import { composeMessage, initials } from './message';
import { webhookSignature } from './webhook-channel';
import { createHmac } from 'node:crypto';

const CASE = '11111111-1111-4111-8111-111111111111';

describe('reminder messages', () => {
  const hearing = {
    kind: 'hearing' as const,
    caseId: CASE,
    hearingId: 'h1',
    hearingKind: 'preventive_measure' as const,
    court: 'Almaly district court',
    scheduledAt: '2025-01-20T04:00:00.000Z',
  };

  it('a hearing, in the recipient time zone, naming the detainee by initials, the court, time and case link', () => {
    const message = composeMessage({
      payload: hearing,
      fullName: 'Arman Zholatov',
      timeZone: 'Asia/Almaty',
      publicUrl: 'https://casetrack.example.org',
    });
    expect(message.text).toBe(
      [
        'Hearing (choice of a preventive measure) in the case of A. Z.',
        'Court: Almaly district court',
        'When: 20 January 2025, 09:00 (Asia/Almaty)',
        `Case: https://casetrack.example.org/cases/${CASE}`,
        '',
      ].join('\n'),
    );
    expect(message.subject).toBe('Hearing for A. Z.: 20 January 2025, 09:00 (Asia/Almaty)');
    expect(message.text).not.toContain('Zholatov');
  });

  it('in the recipient’s language, with the full name only when the deployment allows it', () => {
    const base = {
      payload: hearing,
      fullName: 'Жолатов Арман Серикович',
      timeZone: 'Asia/Almaty',
      publicUrl: 'http://x',
    };
    const kk = composeMessage({ ...base, locale: 'kk' });
    expect(kk.subject).toBe('Ж. А. С. ісі бойынша отырыс: 2025 жылғы 20 қаңтар, 09:00 (Asia/Almaty)');
    const ru = composeMessage({ ...base, locale: 'ru', detail: 'full' });
    expect(ru.text).toContain('Судебное заседание (избрание меры пресечения) по делу Жолатов Арман Серикович');
    expect(ru.text).toContain('Время: 20 января 2025 г., 09:00 (Asia/Almaty)');
    expect(initials('Zholatov-Abenov  Arman')).toBe('Z. A. A.');
  });

  it('a hearing known to the day only says its date in the recipient’s zone, never an hour', () => {
    // 20 January in Almaty, stored as that day's midnight there (19 January 19:00 UTC).
    const payload = { ...hearing, scheduledAt: '2025-01-19T19:00:00.000Z', scheduledAtPrecision: 'day' as const };
    const base = { payload, fullName: 'Arman Zholatov', timeZone: 'Asia/Almaty', publicUrl: 'http://x' };
    const en = composeMessage(base);
    expect(en.subject).toBe('Hearing for A. Z.: 20 January 2025');
    expect(en.text).toContain('When: 20 January 2025\n');
    expect(composeMessage({ ...base, locale: 'ru' }).text).toContain('Время: 20 января 2025 г.\n');
    expect(composeMessage({ ...base, locale: 'kk' }).subject).toBe('A. Z. ісі бойынша отырыс: 2025 жылғы 20 қаңтар');
    for (const locale of ['en', 'ru', 'kk'] as const) {
      const message = composeMessage({ ...base, locale });
      expect(`${message.subject}\n${message.text}`).not.toMatch(/\d{2}:\d{2}/);
    }
  });

  it('a stored payload without a precision (written before it existed) is read as exact', () => {
    const old = composeMessage({ payload: hearing, fullName: null, timeZone: 'Asia/Almaty', publicUrl: 'http://x' });
    const exact = composeMessage({
      payload: { ...hearing, scheduledAtPrecision: 'exact' },
      fullName: null,
      timeZone: 'Asia/Almaty',
      publicUrl: 'http://x',
    });
    expect(old.text).toContain('When: 20 January 2025, 09:00 (Asia/Almaty)');
    expect(exact).toEqual(old);
  });

  it('an arrest whose start is unknown ended "no later than"', () => {
    const message = composeMessage({
      payload: {
        kind: 'escalation_term_ended',
        caseId: CASE,
        expectedReleaseAt: '2025-03-01T00:00:00Z',
        expectedReleasePrecision: 'unknown',
      },
      fullName: null,
      timeZone: 'UTC',
      locale: 'ru',
      publicUrl: 'http://x',
    });
    expect(message.text).toContain('(не позднее 1 марта 2025 г., 00:00 (UTC))');
  });

  it('every kind names the case; an unknown zone falls back to UTC', () => {
    const base = { fullName: null, timeZone: 'Mars/Olympus', publicUrl: 'http://x' };
    const texts = [
      composeMessage({
        ...base,
        payload: { kind: 'measure_ending', caseId: CASE, measure: 'house_arrest', until: '2025-03-01T00:00:00Z' },
      }),
      composeMessage({
        ...base,
        payload: {
          kind: 'complaint_overdue',
          caseId: CASE,
          complaintId: 'k',
          filedWith: 'prosecutor',
          responseDueAt: '2025-03-01T00:00:00Z',
        },
      }),
      composeMessage({ ...base, payload: { kind: 'escalation_missing', caseId: CASE, since: '2025-03-01T00:00:00Z' } }),
      composeMessage({
        ...base,
        payload: { kind: 'escalation_no_lawyer', caseId: CASE, since: '2025-03-01T00:00:00Z' },
      }),
      composeMessage({
        ...base,
        payload: { kind: 'escalation_term_ended', caseId: CASE, expectedReleaseAt: '2025-03-01T00:00:00Z' },
      }),
    ];
    for (const message of texts) {
      expect(message.text).toContain(`/cases/${CASE}`);
      expect(message.text).toContain('(UTC)');
    }
    expect(texts[0].text).toContain('house arrest');
    expect(texts[1].text).toContain('prosecutor');
    expect(texts[4].text).toContain('no release is recorded');
  });

  it("a rule deadline: its name in the reader's language, the time no more precise than known, and its source", () => {
    const payload = {
      kind: 'rule_deadline' as const,
      caseId: CASE,
      ruleSetId: 'kz',
      ruleId: 'kz.detention.court-decision-72h',
      dueAt: '2022-01-08T08:00:00.000Z',
      precision: 'day' as const,
      name: {
        en: 'Held 72 hours without a court decision',
        ru: '72 часа под стражей без решения суда',
        kk: 'Сот шешімінсіз 72 сағат ұсталуда',
      },
      article: 'Criminal Procedure Code, art. 131 part 4',
      url: 'https://adilet.zan.kz/eng/docs/K1400000231',
    };
    const ru = composeMessage({
      payload,
      fullName: 'Жолатов Арман',
      timeZone: 'Asia/Almaty',
      locale: 'ru',
      publicUrl: 'http://x',
    });
    expect(ru.subject).toBe('72 часа под стражей без решения суда: Ж. А.');
    expect(ru.text).toBe(
      '72 часа под стражей без решения суда по делу Ж. А.: 8 января 2022 г.\n' +
        'Основание: Criminal Procedure Code, art. 131 part 4, https://adilet.zan.kz/eng/docs/K1400000231\n' +
        `Дело: http://x/cases/${CASE}\n`,
    );
    const kk = composeMessage({ payload, fullName: null, timeZone: 'UTC', locale: 'kk', publicUrl: 'http://x' });
    expect(kk.subject).toContain('Сот шешімінсіз 72 сағат ұсталуда');
  });

  it('the webhook signature is HMAC-SHA256 of the raw body', () => {
    const body = '{"a":1}';
    expect(webhookSignature('secret', body)).toBe(
      `sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`,
    );
  });
});
