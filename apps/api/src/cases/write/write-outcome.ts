/** What a write route answers; the interceptor turns it into status, `ETag` and body. */
export class WriteOutcome {
  constructor(
    readonly statusCode: number,
    readonly body: { caseId: string; version: number; position: number } & Record<string, unknown>,
    readonly replayed: boolean,
  ) {}
}
