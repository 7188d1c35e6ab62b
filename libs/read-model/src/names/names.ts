/*
 * Name normalisation for the read models, from the domain's names module (transliteration across scripts,
 * spelling variants folded). Stored keys are derived at projection time, so a change of normalisation needs a
 * rebuild of the read models.
 */
export { nameKeys, nameSearchKey, normaliseName } from '@casetrack/domain';
