import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { ApiException, type FieldProblem } from './api-exception';
import { cacheValidationMetadata } from './validation-metadata-cache';

/**
 * How every body and query is checked against its DTO: unknown fields are rejected, not silently dropped. The global
 * pipe uses these, and so does an import's dry run, which checks each row's writes with the routes' own DTOs.
 */
export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      error.constraints?.whitelistValidation === message
        ? { field, message: `${field} is not a known field` }
        : { field, message },
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A body must be a JSON object before its fields can be checked. */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw ApiException.validation([{ field: '', message: 'the body must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

/** Validates every body and query against its DTO; unknown fields are rejected, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ObjectBodyValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => ApiException.validation(flatten(errors)),
  });
}
