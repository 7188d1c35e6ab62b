import { inflateSync } from 'node:zlib';
import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';

/** A GET whose body is kept as the bytes received (a PDF, a CSV), with a bearer token; `http` may be a URL. */
export function getBytes(http: App | string, token: string, path: string): Promise<Response> {
  return request(http)
    .get(path)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

/**
 * The text a reader of a PDF written by pdfkit sees, one line per text-showing operation. pdfkit embeds subset fonts
 * and writes glyph ids, so the raw bytes never contain the words: each font's ToUnicode map turns the ids back into
 * text. Enough of PDF for our own dossiers (no PDF text tool is installed where the tests run), not a general parser.
 */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf.toString('latin1'));
  const fontsByName = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const [, name, id] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(id))?.dict ?? '');
      const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
      if (cmap !== undefined) fontsByName.set(name, parseCMap(cmap));
    }
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (stream === undefined || !stream.includes(' Tf')) continue;
    let font = new Map<number, string>();
    for (const [, name, shown] of stream.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]) TJ|(<[0-9a-fA-F]*>) Tj/g)) {
      if (name !== undefined) font = fontsByName.get(name) ?? new Map<number, string>();
      else lines.push(decodeShown(shown ?? '', font));
    }
  }
  return lines.join('\n');
}

/** The text with every space and line break removed, so that words a line break split are found whole. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

interface PdfObject {
  dict: string;
  /** The stream's bytes (inflated) as latin1 text, when the object has one. */
  stream?: string;
}

function pdfObjects(file: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  for (const [, id, body] of file.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const start = body.indexOf('stream');
    if (start < 0) {
      objects.set(Number(id), { dict: body });
      continue;
    }
    const dict = body.slice(0, start);
    const raw = body.slice(start + 'stream'.length).replace(/^\r?\n/, '');
    const bytes = Buffer.from(raw.slice(0, raw.lastIndexOf('endstream')), 'latin1');
    const stream = (dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1');
    objects.set(Number(id), { dict, stream });
  }
  return objects;
}

/** `bfchar` and `bfrange` entries of a ToUnicode CMap: glyph id -> text. */
function parseCMap(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      glyphs.set(parseInt(code, 16), utf16(text));
    }
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, list, single] of block.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F]+)>)/g,
    )) {
      const from = parseInt(low, 16);
      const to = parseInt(high, 16);
      const targets = list === undefined ? [] : [...list.matchAll(/<([0-9a-fA-F\s]+)>/g)].map(([, hex]) => utf16(hex));
      for (let code = from; code <= to; code += 1) {
        const text =
          list === undefined ? String.fromCharCode(parseInt(single ?? '0', 16) + code - from) : targets[code - from];
        if (text !== undefined) glyphs.set(code, text);
      }
    }
  }
  return glyphs;
}

function utf16(hex: string): string {
  const digits = hex.replace(/\s+/g, '');
  let text = '';
  for (let i = 0; i + 4 <= digits.length; i += 4) text += String.fromCharCode(parseInt(digits.slice(i, i + 4), 16));
  return text;
}

/** The hex strings of a TJ array (kerning numbers between them are spacing, not text) or of a Tj operand. */
function decodeShown(shown: string, font: ReadonlyMap<number, string>): string {
  let text = '';
  for (const [, hex] of shown.matchAll(/<([0-9a-fA-F]*)>/g)) {
    for (let i = 0; i + 4 <= hex.length; i += 4) text += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  }
  return text;
}
