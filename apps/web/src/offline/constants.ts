/** Header on an answer served from the vault: the ISO time it was saved. */
export const OFFLINE_HEADER = 'X-Casetrack-Offline';
