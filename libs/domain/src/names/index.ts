export { normaliseName, nameKeys, nameSearchKey, nameTokens, type NameTokens } from './normalise';
export { nameSimilarity, nameWordSimilarity, duplicateScore } from './similarity';
export { DUPLICATE_CANDIDATE_THRESHOLD, DUPLICATE_THRESHOLD, SEARCH_THRESHOLD } from './thresholds';
