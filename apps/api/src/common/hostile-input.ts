import type { NextFunction, Request, Response } from 'express';
import { ApiException, type FieldProblem } from './api-exception';

/** The contract's bound on JSON nesting: deeper bodies are refused before anything walks them. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A body nested deeper than MAX_JSON_DEPTH; thrown from the JSON parser's `verify` hook, so it carries a `type`. */
export class TooDeepError extends Error {
  readonly type = 'entity.too.deep';
  /** Read by http-errors, which body-parser wraps verify failures in (else 403). */
  readonly status = 400;
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

export function tooDeep(): ApiException {
  return ApiException.validation(
    [{ field: '', message: `JSON may be nested at most ${MAX_JSON_DEPTH} levels deep` }],
    'The request body is nested too deeply',
  );
}

/**
 * Measures nesting on the raw bytes, before JSON.parse, class-transformer or class-validator recurse into the body
 * (10,000 levels overflowed their stacks). Brackets inside strings do not count; escapes are skipped.
 */
export function refuseDeepJson(_request: unknown, _response: unknown, raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) throw new TooDeepError();
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
}

/**
 * A string PostgreSQL cannot store (NUL) or that is not Unicode text (a lone surrogate: UTF-8 cannot encode it and
 * jsonb refuses its escape). Either one accepted once would fail every later projection of that case.
 */
export function unsafeStringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character';
  if (!value.isWellFormed()) return 'must be well-formed Unicode text (an unpaired surrogate was found)';
  return null;
}

/** Every string (keys too) in a parsed body or query, by dotted path; iterative, so depth costs no stack. */
export function unsafeStrings(root: unknown, rootPath = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: rootPath }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      const message = unsafeStringProblem(value);
      if (message) problems.push({ field: path, message: `${path || 'value'} ${message}` });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: join(path, String(index)) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = unsafeStringProblem(key);
        if (keyProblem) problems.push({ field: path, message: `a field name ${keyProblem}` });
        else pending.push({ value: item, path: join(path, key) });
      }
    }
  }
  return problems.reverse();
}

/** Refuses NUL and unpaired surrogates in any body field or query parameter with 400, naming the field. */
export function refuseUnsafeStrings() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const problems = [...unsafeStrings(request.query), ...unsafeStrings(request.body)];
    next(problems.length ? ApiException.validation(problems) : undefined);
  };
}

/** The fields of a socket the clientError handler needs; node's `Duplex` in effect. */
interface ClientSocket {
  writable: boolean;
  end(data: string): void;
  resume(): void;
  destroy(): void;
  setTimeout(ms: number, callback: () => void): void;
}

/**
 * Requests Node's parser refuses before any route sees them (a query string past the header limit, a malformed
 * request line) get the contract's error body. The socket is half-closed and drained rather than destroyed: a
 * destroy with unread bytes makes the kernel send a reset, and the client then sees a dropped connection, not 431.
 */
export function answerClientError(error: Error & { code?: string }, socket: ClientSocket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    statusCode: status,
    code: tooLarge ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST',
    message: tooLarge
      ? 'The request line and headers are too large; send fewer or shorter query parameters'
      : 'The request could not be read as HTTP',
    details: [],
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
  socket.resume();
  socket.setTimeout(5_000, () => socket.destroy());
}
