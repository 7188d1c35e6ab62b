/**
 * The known name a mistyped one was most likely meant to be (`case` -> `cases`, `verfy` -> `verify`), or null when
 * none is close: within two edits (one for names of up to three letters), or a name the typed one begins.
 */
export function closestName(typed: string, known: readonly string[]): string | null {
  const limit = typed.length <= 3 ? 1 : 2;
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = name.startsWith(typed) && typed.length >= 3 ? 1 : editDistance(typed, name);
    if (distance <= limit && (best === null || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
