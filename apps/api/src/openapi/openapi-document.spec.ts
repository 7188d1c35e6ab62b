import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { openApiDocumentWithoutServices } from './document-without-services';

/*
 * The OpenAPI document as the contract a client is generated from: every route callable with its parameters and
 * headers, a schema for every answer, the shared error body for every error. Built without a database, as the
 * linter and the typed-client test build it (test/e2e/openapi.e2e-spec.ts checks the API serves this same one).
 */

interface Operation extends OperationObject {
  method: string;
  path: string;
}

const READ_MODEL_READS = [
  'listCases',
  'getCase',
  'listHearings',
  'listComplaints',
  'getStats',
  'getAgenda',
  'listReminders',
];
const CASE_WRITE_ERRORS = ['400', '401', '403', '404', '409', '412', '422', '429', '503'];

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  let operations: Operation[];
  const schema = (name: string): SchemaObject => document.components?.schemas?.[name] as SchemaObject;
  /** The schema a node names, through a `$ref` or the one-member `allOf` that gives a reference a description. */
  const resolve = (node: unknown): SchemaObject => {
    const { $ref, allOf } = node as { $ref?: string; allOf?: unknown[] };
    if (allOf?.length === 1) return resolve(allOf[0]);
    return $ref ? schema($ref.replace('#/components/schemas/', '')) : (node as SchemaObject);
  };
  const parameters = (operation: Operation): ParameterObject[] => (operation.parameters ?? []) as ParameterObject[];
  const responses = (operation: Operation): Record<string, ResponseObject> =>
    operation.responses as Record<string, ResponseObject>;
  const byId = (operationId: string): Operation => {
    const found = operations.find((operation) => operation.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId}`);
    return found;
  };
  const caseWrites = (): Operation[] =>
    operations.filter(({ method, path }) => method === 'post' && path.startsWith('/v1/cases/{caseId}/'));

  beforeAll(async () => {
    document = await openApiDocumentWithoutServices();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, OperationObject>).map(([method, operation]) => ({
        ...operation,
        method,
        path,
      })),
    );
  });

  it('names every operation with a unique camelCase operationId, a summary and a tag', () => {
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => /^[a-z][a-zA-Z0-9]+$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.filter((operation) => !operation.summary || !operation.tags?.length)).toEqual([]);
  });

  /** Path parameters that are not ids: the calendar feed's secret (the key to a public feed, never an id). */
  const NOT_IDS: Record<string, Record<string, unknown>> = {
    'getCalendarFeed secret': { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
  };

  it('declares every path parameter, ids as UUIDs', () => {
    for (const operation of operations) {
      const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = parameters(operation).filter((parameter) => parameter.in === 'path');
      expect([operation.operationId, declared.map((parameter) => parameter.name).sort()]).toEqual([
        operation.operationId,
        inPath,
      ]);
      for (const parameter of declared) {
        expect([operation.operationId, parameter.name, parameter.required, parameter.schema]).toEqual([
          operation.operationId,
          parameter.name,
          true,
          NOT_IDS[`${operation.operationId} ${parameter.name}`] ?? { type: 'string', format: 'uuid' },
        ]);
      }
    }
  });

  it('makes each of the 38 case writes callable: caseId, Idempotency-Key, If-Match, its answer and ETag', () => {
    const writes = caseWrites();
    expect(writes).toHaveLength(38);
    for (const write of writes) {
      const headers = parameters(write)
        .filter((parameter) => parameter.in === 'header')
        .map((parameter) => parameter.name);
      expect([write.operationId, headers.sort()]).toEqual([
        write.operationId,
        ['Idempotency-Key', 'If-Match', 'X-Correlation-Id'],
      ]);
      expect(write.requestBody).toBeDefined();
      const created = responses(write)['201'];
      expect(created.headers?.ETag).toMatchObject({ required: true });
      const answer = resolve(created.content?.['application/json'].schema);
      expect(answer.required).toEqual(expect.arrayContaining(['caseId', 'version', 'position']));
      expect(Object.keys(responses(write)).sort()).toEqual(['201', ...CASE_WRITE_ERRORS]);
    }
  });

  it('opens a case with an Idempotency-Key and answers the possible duplicates', () => {
    const open = byId('openCase');
    expect([open.method, open.path]).toEqual(['post', '/v1/cases']);
    expect(parameters(open).map((parameter) => parameter.name)).toEqual(['Idempotency-Key', 'X-Correlation-Id']);
    const answer = resolve(responses(open)['201'].content?.['application/json'].schema);
    expect(answer.required).toEqual(expect.arrayContaining(['caseId', 'version', 'position', 'possibleDuplicates']));
  });

  it('describes the 422 of a write with the stable codes of the rules', () => {
    const refusal = resolve(responses(byId('recordDetention'))['422'].content?.['application/json'].schema);
    const codes = resolve(refusal.properties?.code);
    expect(codes.enum).toEqual(
      expect.arrayContaining(['CASE_CLOSED', 'HEARING_ALREADY_HELD', 'IDEMPOTENCY_KEY_REUSED']),
    );
  });

  it('takes X-Min-Position on the reads of the read models', () => {
    for (const operationId of READ_MODEL_READS) {
      const header = parameters(byId(operationId)).find((parameter) => parameter.name === 'X-Min-Position');
      expect([operationId, header?.in]).toEqual([operationId, 'header']);
      expect(responses(byId(operationId))['503'].description).toMatch(/PROJECTION_LAGGING/);
    }
  });

  it('gives every success a schema, and the dossier as JSON or PDF', () => {
    for (const operation of operations) {
      const [status, success] = Object.entries(responses(operation)).find(([code]) => code.startsWith('2')) ?? [];
      if (status === '204') continue;
      expect([operation.operationId, Object.keys(success?.content ?? {}).length > 0]).toEqual([
        operation.operationId,
        true,
      ]);
    }
    expect(Object.keys(responses(byId('getDossier'))['200'].content ?? {})).toEqual([
      'application/json',
      'application/pdf',
    ]);
  });

  it('answers every error with the one error body, {statusCode, code, message, details}', () => {
    expect(schema('ErrorBody').required).toEqual(['statusCode', 'code', 'message', 'details']);
    for (const operation of operations) {
      for (const [status, answer] of Object.entries(responses(operation))) {
        if (Number(status) < 400 || operation.operationId === 'getHealth') continue;
        const body = resolve(answer.content?.['application/json'].schema);
        expect([operation.operationId, status, body.required]).toEqual([
          operation.operationId,
          status,
          ['statusCode', 'code', 'message', 'details'],
        ]);
      }
    }
  });

  it('formats every time as date-time', () => {
    const times: string[] = [];
    for (const [name, model] of Object.entries(document.components?.schemas ?? {})) {
      for (const [property, value] of Object.entries((model as SchemaObject).properties ?? {})) {
        if (!/At$|^(asOf|until|periodFrom|periodTo|from|to)$/.test(property)) continue;
        const described = value as SchemaObject;
        const format = described.type === 'array' ? (described.items as SchemaObject).format : described.format;
        times.push(`${name}.${property}: ${format}`);
      }
    }
    expect(times.length).toBeGreaterThan(40);
    expect(times.filter((time) => !time.endsWith(': date-time'))).toEqual([]);
  });

  it('describes the bearer token as opaque, required (or the console session) everywhere but sign-in and health', () => {
    const bearer = document.components?.securitySchemes?.bearer;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque' });
    expect((bearer as { description: string }).description).toMatch(/not a JWT/);
    const session = document.components?.securitySchemes?.session;
    expect(session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'casetrack_session' });
    expect((session as { description: string }).description).toMatch(/X-CSRF-Token/);
    expect(document.security).toEqual([{ bearer: [] }, { session: [] }]);
    const open = operations.filter((operation) => operation.security?.length === 0).map((op) => op.operationId);
    // The calendar feed's secret URL and a password reset link's token are their own keys.
    expect(open.sort()).toEqual(['getCalendarFeed', 'getHealth', 'login', 'openSession', 'usePasswordReset']);
  });

  it('derives the request schemas from the validation rules the server enforces', () => {
    const detention = schema('RecordDetentionDto');
    // Issue 12: city and place may be unknown (absent), so only the authority is required.
    expect(detention.required?.sort()).toEqual(['authority']);
    expect(schema('FacilityDto').required?.sort()).toEqual(['city', 'kind']);
    expect(detention.properties).toMatchObject({
      city: { type: 'string', minLength: 1, maxLength: 100 },
      authority: { type: 'string', enum: expect.arrayContaining(['police', 'unknown']) },
      occurredAt: { type: 'string', format: 'date-time' },
    });
    expect(schema('DetaineeDto').properties).toMatchObject({
      nameVariants: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 200 } },
      birthDate: { type: 'string', format: 'date' },
    });
    expect(schema('ImposeAdministrativeSanctionDto').properties?.days).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 365,
    });
    // The server matches it case-insensitively; a pattern has no flags, so it spells out both cases.
    expect(schema('EvidenceDto').properties?.sha256).toEqual({ type: 'string', pattern: '^[0-9a-fA-F]{64}$' });
    expect(resolve(schema('RecordTortureAllegationDto').properties?.evidence)).toMatchObject({
      type: 'array',
      maxItems: 100,
      items: { $ref: '#/components/schemas/EvidenceDto' },
    });
    const query = parameters(byId('listCases')).filter((parameter) => parameter.in === 'query');
    expect(query.find((parameter) => parameter.name === 'pageSize')).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100 },
    });
  });

  it('refuses unknown fields in request bodies, as the server does', () => {
    for (const name of ['OpenCaseDto', 'DetaineeDto', 'RecordDetentionDto', 'EvidenceDto', 'LoginDto']) {
      expect([name, schema(name).additionalProperties]).toEqual([name, false]);
    }
  });
});
