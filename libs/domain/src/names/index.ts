export { normaliseName, nameKeys, nameSearchKey, nameTokens, type NameTokens } from './normalise';
export { nameSimilarity, nameWordSimilarity, duplicateScore } from './similarity';
export { DUPLICATE_THRESHOLD, SEARCH_THRESHOLD } from './thresholds';
