import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  reminderId: string;
  subject: string;
  text: string;
  receivedAt: number;
}

/**
 * A real SMTP server in the test process on a random port. A message counts as delivered when the server answers
 * 250 to its DATA, as with any MTA: while `hold()` is on, answers wait, and a message whose client disconnects before
 * its answer is dropped (that is how a worker killed mid-send looks from the server).
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private held: Array<() => void> = [];
  private holding = false;
  private waiters: Array<() => void> = [];
  private readonly closedSessions = new Set<string>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      hideSTARTTLS: true,
      onClose(session) {
        sink?.closedSessions.add(session.id);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => sink?.received(Buffer.concat(chunks).toString('utf8'), session, callback));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const answer of held) answer();
  }

  get heldCount(): number {
    return this.held.length;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to === address.toLowerCase());
  }

  /** Resolves when `predicate` holds, checked on each new mail; rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 20_000, what = 'mail'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${this.mails.length} mails`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    this.release();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private received(
    raw: string,
    session: { envelope: { rcptTo: Array<{ address: string }> }; id: string },
    callback: (error?: Error | null) => void,
  ): void {
    const accept = (): void => {
      for (const rcpt of session.envelope.rcptTo) this.mails.push(parse(raw, rcpt.address.toLowerCase()));
      callback();
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    };
    if (!this.holding) return accept();
    this.held.push(() => {
      if (!this.closedSessions.has(session.id)) accept();
    });
  }
}

function parse(raw: string, to: string): ReceivedMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
  const body = rest.join('\n\n');
  const quoted = /quoted-printable/i.test(header('Content-Transfer-Encoding'));
  const text = quoted
    ? body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : body;
  return {
    to,
    reminderId: header('X-Casetrack-Reminder-Id'),
    subject: header('Subject'),
    text: Buffer.from(text, 'latin1').toString('utf8').replace(/\r\n/g, '\n'),
    receivedAt: Date.now(),
  };
}

/** Every (reminder, recipient) pair received exactly once, and nothing else. */
export function expectEachOnce(smtp: SmtpSink, expected: Array<[string, string]>): void {
  const counts = new Map<string, number>();
  for (const mail of smtp.mails)
    counts.set(`${mail.reminderId} ${mail.to}`, (counts.get(`${mail.reminderId} ${mail.to}`) ?? 0) + 1);
  expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected.map(([id, to]) => [`${id} ${to}`, 1])));
}
