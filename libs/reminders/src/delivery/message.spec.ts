import { composeMessage } from './message';
import { webhookSignature } from './webhook-channel';
import { createHmac } from 'node:crypto';

const CASE = '11111111-1111-4111-8111-111111111111';

describe('reminder messages', () => {
  it('a hearing, in the recipient time zone, naming the detainee, court, time and case link', () => {
    const message = composeMessage({
      payload: {
        kind: 'hearing',
        caseId: CASE,
        hearingId: 'h1',
        hearingKind: 'preventive_measure',
        court: 'Almaly district court',
        scheduledAt: '2025-01-20T04:00:00.000Z',
      },
      fullName: 'Arman Zholatov',
      timeZone: 'Asia/Almaty',
      publicUrl: 'https://casetrack.example.org',
    });
    expect(message.text).toBe(
      [
        'Hearing (preventive measure) for Arman Zholatov.',
        'Court: Almaly district court',
        'When: Monday, 20 January 2025 at 09:00 (Asia/Almaty)',
        `Case: https://casetrack.example.org/cases/${CASE}`,
        '',
      ].join('\n'),
    );
    expect(message.subject).toBe('Hearing for Arman Zholatov: Monday, 20 January 2025 at 09:00 (Asia/Almaty)');
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
    expect(texts[1].text).toContain('the prosecutor');
    expect(texts[4].text).toContain('no release is recorded');
  });

  it('the webhook signature is HMAC-SHA256 of the raw body', () => {
    const body = '{"a":1}';
    expect(webhookSignature('secret', body)).toBe(
      `sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`,
    );
  });
});
