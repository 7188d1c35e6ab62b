import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { OutgoingReminder, Recipient, ReminderChannel } from './channels';
import { isAcceptableWebhookUrl, isForbiddenAddress } from './address-guard';
import { DeliveryError } from './delivery-error';

export const SIGNATURE_HEADER = 'X-Casetrack-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`: how a receiver checks that a reminder comes from us. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookOptions {
  secret: string;
  allowPrivate: boolean;
  timeoutMs?: number;
}

/**
 * A JSON POST to the URL the user set, signed with WEBHOOK_SECRET. The address is checked when the connection is
 * made (the checked address is the one connected to, so DNS cannot answer differently in between): loopback and
 * private ranges are refused unless WEBHOOK_ALLOW_PRIVATE=true. Redirects are not followed.
 */
export class WebhookChannel implements ReminderChannel {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookOptions) {}

  addressOf(recipient: Recipient): string | null {
    return recipient.webhookUrl;
  }

  async send(address: string, reminder: OutgoingReminder): Promise<void> {
    if (!isAcceptableWebhookUrl(address)) throw new DeliveryError('WEBHOOK_URL_INVALID', true);
    const url = new URL(address);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.options.allowPrivate && isForbiddenAddress(host)) {
      throw new DeliveryError('WEBHOOK_ADDRESS_FORBIDDEN', true);
    }
    const body = JSON.stringify({
      reminderId: reminder.reminderId,
      kind: reminder.kind,
      caseId: reminder.caseId,
      dueAt: reminder.dueAt,
      caseUrl: reminder.message.caseUrl,
      detainee: reminder.detainee,
      subject: reminder.message.subject,
      text: reminder.message.text,
      details: reminder.details,
    });
    const status = await this.post(url, body);
    if (status >= 200 && status < 300) return;
    const retryable = status >= 500 || status === 408 || status === 429;
    throw new DeliveryError(`WEBHOOK_HTTP_${status}`, !retryable);
  }

  private post(url: URL, body: string): Promise<number> {
    const options: RequestOptions = {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'casetrack-reminders',
        [SIGNATURE_HEADER]: webhookSignature(this.options.secret, body),
      },
      timeout: this.options.timeoutMs ?? 10_000,
      lookup: this.options.allowPrivate ? undefined : guardedLookup,
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, options, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => reject(new DeliveryError('WEBHOOK_NETWORK', false)));
      });
      req.on('timeout', () => req.destroy(new DeliveryError('WEBHOOK_TIMEOUT', false)));
      req.on('error', (error) =>
        reject(error instanceof DeliveryError ? error : new DeliveryError('WEBHOOK_NETWORK', false)),
      );
      req.end(body);
    });
  }
}

/** DNS resolution that refuses forbidden addresses, used by the socket itself. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const list = Array.isArray(addresses) ? addresses : [];
    if (list.length === 0 || list.some((a) => isForbiddenAddress(a.address))) {
      return callback(new DeliveryError('WEBHOOK_ADDRESS_FORBIDDEN', true), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    return callback(null, list[0].address, list[0].family);
  });
};
