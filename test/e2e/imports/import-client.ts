import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';
import { getBytes } from '../../support/pdf-text';
import { parseCsv } from '../exports/read-back';

/** The service: an app in this process (supertest) or the address of one running elsewhere. */
export type Service = App | string;

/** `POST /v1/imports` with the file as multipart/form-data. */
export function upload(
  service: Service,
  token: string,
  file: Buffer,
  fileName: string,
  fields: Record<string, string> = {},
): Promise<Response> {
  let call = request(service).post('/v1/imports').set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
  return call.attach('file', file, fileName);
}

export function send(service: Service, token: string, path: string, body: unknown): Promise<Response> {
  return request(service)
    .post(path)
    .set('Authorization', `Bearer ${token}`)
    .send(body as object);
}

export function read(service: Service, token: string, path: string): Promise<Response> {
  return request(service).get(path).set('Authorization', `Bearer ${token}`);
}

/** Polls `GET /v1/imports/:id` until the import is done (or failed), then answers its last status. */
export async function waitUntilDone(
  service: Service,
  token: string,
  importId: string,
  limitMs = 60_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const answer = await read(service, token, `/v1/imports/${importId}`);
    if (answer.status !== 200) throw new Error(`GET import: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (answer.body.status === 'done' || answer.body.status === 'failed') return answer.body;
    if (Date.now() > deadline) throw new Error(`import not done in time: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The rejected rows' CSV read back by a real CSV reader: the header and the rows (the byte order mark checked). */
export async function rejectedRows(
  service: Service,
  token: string,
  importId: string,
  lang = 'en',
): Promise<string[][]> {
  const answer = await getBytes(service, token, `/v1/imports/${importId}/rejected?format=csv&lang=${lang}`);
  if (answer.status !== 200) throw new Error(`rejected rows: ${answer.status}`);
  expect(answer.headers['content-type']).toMatch(/^text\/csv/);
  const bytes = answer.body as Buffer;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

/** A CSV text as bytes (UTF-8, CRLF line ends). */
export function csv(lines: string[][], delimiter = ','): Buffer {
  const quote = (cell: string): string => (/[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from(`${lines.map((line) => line.map(quote).join(delimiter)).join('\r\n')}\r\n`, 'utf8');
}
