import { isAcceptableWebhookUrl, isForbiddenAddress } from './address-guard';

describe('webhook address guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('accepts only absolute http(s) URLs without credentials', () => {
    expect(isAcceptableWebhookUrl('https://hooks.example.org/casetrack')).toBe(true);
    expect(isAcceptableWebhookUrl('http://hooks.example.org:8080/x?y=1')).toBe(true);
    for (const bad of [
      'ftp://example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      '/relative',
      'https://u:p@example.org',
      '',
    ]) {
      expect(isAcceptableWebhookUrl(bad)).toBe(false);
    }
  });
});
