export interface CaseState { exists: boolean }
export const initialCaseState: CaseState = { exists: false };
