import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs. Case text and secrets never belong in a log line: log identifiers
 * (caseId, userId, eventId, codes), never request bodies, names or tokens. The redact
 * list is a safety net for fields that might slip in by accident.
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
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
