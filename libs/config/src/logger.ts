import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs. Case text and secrets never belong in a log line: log identifiers
 * (caseId, userId, eventId, codes), never request bodies, names or tokens. The redact
 * list is a safety net for fields that might slip in by accident.
 *
 * Lines go to stdout without blocking: a request no longer waits for its log line's write, and lines logged while
 * one is being written go out together in the next write. pino flushes what is left when the process exits; a line
 * can be lost only if the process is killed outright, and the record never depends on a log line.
 */
export function createLogger(level: string, name = 'casetrack', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'accessToken',
        '*.accessToken',
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'headers.authorization',
        'body',
        '*.body',
      ],
      censor: '[redacted]',
    },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

export type { Logger };
