/*
 * Name normalisation for the read models, from the domain's names module (transliteration across scripts,
 * spelling variants folded). Stored keys are derived at projection time, so a change of normalisation needs a
 * rebuild of the read models.
 */
import { nameKeys as domainNameKeys } from '@casetrack/domain';

export { nameSearchKey, normaliseName } from '@casetrack/domain';

/** Enough for every case a rebuild keeps in flight; past it the memo starts over rather than grow. */
const REMEMBERED = 50_000;
const remembered = new Map<string, string>();

/**
 * `nameKeys` of the domain, remembered: the projector derives all of a case's rows again for every batch that
 * touches the case, while its names almost never change, and transliterating them is a large share of a rebuild.
 */
export function nameKeys(fullName: string, variants: readonly string[]): string {
  const key = variants.length === 0 ? fullName : `${fullName}\u0000${variants.join('\u0000')}`;
  let keys = remembered.get(key);
  if (keys === undefined) {
    if (remembered.size >= REMEMBERED) remembered.clear();
    keys = domainNameKeys(fullName, variants);
    remembered.set(key, keys);
  }
  return keys;
}
