import type { ChargeCode } from '@casetrack/domain';

/** A charge as a list writes it: `ст. 272 ч. 2 УК`, `272-2`, `УК 274`, `КоАП 488`, `ҚК 272-бабы 2-бөлігі`, "терроризм". */
export interface WrittenCharge {
  /** Null when the text does not name the code: the importer's default applies. */
  readonly code: ChargeCode | null;
  readonly article: string | null;
  readonly part: string | null;
  /** What the charge is called when no article is written ("массовые беспорядки", "terrorism"). */
  readonly title: string | null;
}

export type ChargesReading =
  | { readonly ok: true; readonly charges: readonly WrittenCharge[] }
  | { readonly ok: false; readonly messageKey: string };

const CRIMINAL = /(?:^|[^\p{L}])(?:ук|уk|қк|cc)(?:[^\p{L}]|$)|уголовн|қылмыст|criminal/u;
const ADMINISTRATIVE = /коап|административн|әқбтк|әкбтк|әкімшілік|administrative/u;
const NUMBER = String.raw`\d{1,4}(?:\.\d{1,4}){0,3}`;
const ARTICLE_MARKED = new RegExp(
  String.raw`(?<!\p{L})(?:ст|стат\p{L}*|art|article)\.?\s*(${NUMBER})(?:-(\d{1,3}))?`,
  'u',
);
const ARTICLE_KAZAKH = new RegExp(String.raw`(${NUMBER})\s*-?\s*ба[пб]`, 'u');
const PART_MARKED = /(?<!\p{L})(?:ч|част\p{L}*|part|p)\.?\s*(\d{1,3})(?!\d)/u;
const PART_KAZAKH = /(\d{1,3})\s*-?\s*бөлі/u;
/** "п. 1" (a paragraph of a part): the code's numbering has no place for it in a charge, so it is left out. */
const PARAGRAPH = /(?<!\p{L})(?:п|пункт\p{L}*|тармақ\p{L}*)\.?\s*\d{1,3}|\d{1,3}\s*-?\s*тармақ\p{L}*/gu;
const BARE = new RegExp(String.raw`(?:^|[^\d.])(${NUMBER})(?:\s*-\s*(\d{1,3}))?(?![\d.])`, 'u');

function codeOf(text: string): ChargeCode | null {
  if (ADMINISTRATIVE.test(text)) return 'administrative';
  return CRIMINAL.test(text) ? 'criminal' : null;
}

function readOne(written: string): WrittenCharge | null {
  const text = written.toLowerCase().replace(/ё/g, 'е').replace(PARAGRAPH, ' ');
  const code = codeOf(text);
  const marked = ARTICLE_MARKED.exec(text) ?? ARTICLE_KAZAKH.exec(text);
  const partMarked = PART_MARKED.exec(text.replace(marked?.[0] ?? '', ' ')) ?? PART_KAZAKH.exec(text);
  if (marked !== null) {
    return { code, article: marked[1], part: partMarked?.[1] ?? marked[2] ?? null, title: null };
  }
  const rest = partMarked === null ? text : text.replace(partMarked[0], ' ');
  const bare = BARE.exec(rest);
  if (bare !== null) return { code, article: bare[1], part: partMarked?.[1] ?? bare[2] ?? null, title: null };
  // Digits that name no article ("12/3") are not a charge a person could check: refused rather than guessed.
  if (/\d/.test(text)) return null;
  return { code, article: null, part: null, title: written.trim() };
}

/** Several charges in one cell are separated by `;`, a line break, or a comma before the next article. */
const SEPARATOR = /[;\n]|,(?=\s*(?:ст|ук|қк|коап|art|\d{2,4}\s*-?\s*ба[пб]))/iu;

/** The charges a cell names, each with what is written of its code, article and part. Null for an empty cell. */
export function readCharges(text: string): ChargesReading | null {
  const pieces = text
    .split(SEPARATOR)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  if (pieces.length === 0) return null;
  const charges: WrittenCharge[] = [];
  for (const piece of pieces) {
    const charge = readOne(piece);
    if (charge === null) return { ok: false, messageKey: 'imports.value.articleUnreadable' };
    charges.push(charge);
  }
  return { ok: true, charges };
}
