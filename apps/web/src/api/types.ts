import type { components, paths } from './schema';

/** Names for the contract's schemas the console uses (generated from /openapi.json; never written by hand). */
type Schemas = components['schemas'];
export type CaseSummary = Schemas['CaseSummary'];
export type CaseSummaryPage = Schemas['CaseSummaryPage'];
export type CaseDetail = Schemas['CaseDetail'];
export type CaseStatus = Schemas['CaseStatus'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type ErrorBody = Schemas['ErrorBody'];
export type FieldProblem = Schemas['FieldProblem'];
export type VersionMismatch = Schemas['VersionMismatch'];
export type SignedInUser = Schemas['SignedInUser'];
export type ConsoleSession = Schemas['ConsoleSession'];
export type PossibleDuplicate = Schemas['PossibleDuplicate'];
export type Stats = Schemas['Stats'];

/** The query of GET /v1/cases, every filter and sort of the contract. */
export type CaseListQuery = NonNullable<paths['/v1/cases']['get']['parameters']['query']>;

/** Every path that records a fact with POST (the writes of the contract) and the JSON body each takes. */
export type WritePath = {
  [P in keyof paths]: paths[P] extends { post: { requestBody?: { content: { 'application/json': unknown } } } }
    ? P extends `/v1/cases${string}`
      ? P
      : never
    : never;
}[keyof paths];

export type WriteBody<P extends WritePath> = paths[P]['post'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The answer every write gives: `{caseId, version, position}` and what the route adds. */
export type WriteAnswer = Schemas['WriteAnswer'] & Record<string, unknown>;
