import { applyDecorators, type Type } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DOMAIN_ERROR_CODES } from '@casetrack/domain';
import { ApiRoute } from '../../openapi/api-route';
import { ErrorBodySchema } from '../../openapi/error-body';
import { WriteAnswerSchema } from './write-answers';

export interface CaseWriteDoc {
  /** Readable and stable (`recordDetention`): generated clients name their functions after it. */
  operationId: string;
  summary: string;
  description?: string;
  /** The answer's schema when the write creates something inside the case and answers its id. */
  answer?: Type;
  /** Path parameters naming things inside the case (`hearingId`...), besides `caseId`. */
  itemIds?: string[];
}

/** The codes a case write may be refused with (422): the domain rules', and a reused Idempotency-Key. */
const REFUSAL_CODES = [...DOMAIN_ERROR_CODES.filter((code) => code !== 'CASE_NOT_FOUND'), 'IDEMPOTENCY_KEY_REUSED'];

@ApiSchema({ name: 'WriteRefusal', description: 'A write refused by a rule (422), with the rule’s stable code' })
export class WriteRefusalSchema extends ErrorBodySchema {
  @ApiProperty({ enum: REFUSAL_CODES, enumName: 'WriteRefusalCode' })
  override code!: string;
}

const ETAG = {
  ETag: {
    required: true,
    description: 'The case’s version after the write, quoted: "<version>"',
    schema: { type: 'string' },
  },
  'Idempotent-Replayed': {
    description: '`true` when this is the first answer replayed for a repeated Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
};

/** The Idempotency-Key header, which every write takes. */
export const IDEMPOTENCY_KEY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'Any 1–200 characters. A repeat with the same key and body by the same user returns the first answer (same ' +
    'status and body, with Idempotent-Replayed: true) and records nothing; the same key with another body is ' +
    '422 IDEMPOTENCY_KEY_REUSED.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
});

/** The correlation id a write's events carry in their metadata, to follow one client action across writes. */
export const CORRELATION_ID = ApiHeader({
  name: 'X-Correlation-Id',
  required: false,
  description: 'Stored with the events of the write; without it (or not matching the pattern) the server makes one',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
});

/**
 * One write that records a fact on an existing case: its operation, `caseId` (and item ids) in the path, the If-Match
 * header, the answer with its ETag, and what a write to a case may be refused with.
 */
export function CaseWriteRoute(doc: CaseWriteDoc): MethodDecorator {
  return applyDecorators(
    WriteRoute({ ...doc, opensCase: false }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'Record only if the case is at this version ("<version>", as the ETag of a write answered), else 412 ' +
        'VERSION_MISMATCH. Without it the server retries a write raced by another itself.',
      schema: { type: 'string', pattern: '^(W/)?"?[0-9]{1,9}"?$', example: '"3"' },
    }),
  );
}

/** The write that opens a case (its id is made by the server). */
export function OpenCaseRoute(doc: CaseWriteDoc): MethodDecorator {
  return WriteRoute({ ...doc, opensCase: true });
}

function WriteRoute(doc: CaseWriteDoc & { opensCase: boolean }): MethodDecorator {
  return ApiRoute({
    operationId: doc.operationId,
    summary: doc.summary,
    description: doc.description,
    ids: doc.opensCase ? [] : ['caseId', ...(doc.itemIds ?? [])],
    answer: {
      status: 201,
      type: doc.answer ?? WriteAnswerSchema,
      description: 'Recorded (or, for a repeated Idempotency-Key, the first answer again)',
      headers: ETAG,
    },
    // Only a write to an existing case can name a case that is not there, or one at another version.
    errors: [
      ...(doc.opensCase ? [] : ([404, 412] as const)),
      409,
      [422, 'A rule refused the fact; code (a WriteRefusalCode) names it', WriteRefusalSchema],
    ],
  });
}
