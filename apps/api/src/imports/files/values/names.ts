/** Spellings in one cell are separated by `;`, `/` or a line break ("Жолатов Нурлан / Zholatov Nurlan"). */
const SPELLINGS = /[;/\n]/;

export function spellings(text: string): string[] {
  return text
    .split(SPELLINGS)
    .map((spelling) => spelling.replace(/\s+/g, ' ').trim())
    .filter((spelling) => spelling !== '');
}

/**
 * The person's name and other spellings: the first spelling of the name cell is the name, the others (and those of a
 * variants column) are variants, each once and never the name itself.
 */
export function personNames(
  nameCell: string,
  variantsCell: string,
): { readonly fullName: string | null; readonly nameVariants: string[] } {
  const [fullName = null, ...more] = spellings(nameCell);
  const seen = new Set<string>(fullName === null ? [] : [fullName.toLowerCase()]);
  const nameVariants: string[] = [];
  for (const variant of [...more, ...spellings(variantsCell)]) {
    if (seen.has(variant.toLowerCase())) continue;
    seen.add(variant.toLowerCase());
    nameVariants.push(variant);
  }
  return { fullName, nameVariants };
}
