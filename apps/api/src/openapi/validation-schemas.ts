import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage, type MetadataStorage, ValidationTypes } from 'class-validator';
import { UUID } from '../cases/shared/validators';

type ValidationRule = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
/** What Swagger's metadata factory answers for one property: the options `@ApiProperty` takes. */
type PropertySchema = Record<string, unknown>;
type Fragment = Record<string, unknown>;

/** Swagger reads what a class's properties look like from this static method (the name its CLI plugin uses). */
const METADATA_FACTORY = '_OPENAPI_METADATA_FACTORY';

/**
 * What each validation rule says about the value's schema. The rules the server enforces are the one source of the
 * request schemas, so the document cannot promise what the server refuses (nor the other way round), and the same
 * document comes out of a test run, a lint run and a production build (no compiler plugin involved).
 */
const RULES: Record<string, (constraints: unknown[]) => Fragment> = {
  isString: () => ({ type: 'string' }),
  isNotEmpty: () => ({ minLength: 1 }),
  minLength: ([min]) => ({ minLength: min }),
  maxLength: ([max]) => ({ maxLength: max }),
  isIn: ([values]) => ({ enum: values, type: typeof (values as unknown[])[0] }),
  isInstant: () => ({ type: 'string', format: 'date-time' }),
  isPastCalendarDate: () => ({ type: 'string', format: 'date' }),
  isMoneyAmount: () => ({ type: 'number', minimum: 0 }),
  isEmail: () => ({ type: 'string', format: 'email' }),
  isUUID: () => ({ type: 'string', format: 'uuid' }),
  matches: ([pattern]) =>
    !(pattern instanceof RegExp)
      ? {}
      : pattern.source === UUID.source
        ? { type: 'string', format: 'uuid' }
        : { type: 'string', pattern: patternOf(pattern) },
  isInt: () => ({ type: 'integer' }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  isBoolean: () => ({ type: 'boolean' }),
  isObject: () => ({ type: 'object' }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  isArray: () => ({ isArray: true }),
};

/**
 * Gives every request DTO of the application's routes (bodies and query strings, and the classes nested in them)
 * its OpenAPI description, derived from its class-validator rules. Properties described by hand (`@ApiProperty`)
 * keep that description: Swagger lets a decorator win over this factory. Idempotent.
 */
export function describeRequestDtos(app: INestApplication): Set<Type> {
  const described = new Set<Type>();
  const pending = routeParameterTypes(app);
  for (let dto = pending.pop(); dto; dto = pending.pop()) {
    if (described.has(dto)) continue;
    const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
    if (rules.length === 0) continue;
    described.add(dto);
    const properties = describeProperties(dto, rules);
    for (const property of Object.keys(properties)) {
      const nested = nestedClass(dto, property);
      if (nested) pending.push(nested);
    }
    Object.defineProperty(dto, METADATA_FACTORY, { value: () => properties, configurable: true });
  }
  return described;
}

function describeProperties(dto: Type, rules: ValidationRule[]): Record<string, PropertySchema> {
  const byProperty = new Map<string, ValidationRule[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  return Object.fromEntries(
    [...byProperty].map(([property, own]) => [property, describeProperty(dto, property, own)] as const),
  );
}

function describeProperty(dto: Type, property: string, rules: ValidationRule[]): PropertySchema {
  const value: Fragment = {};
  const item: Fragment = {};
  let required = true;
  let nested = false;
  for (const rule of rules) {
    if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION) required = false;
    else if (rule.type === ValidationTypes.NESTED_VALIDATION) nested = true;
    else Object.assign(rule.each ? item : value, RULES[rule.name ?? '']?.(rule.constraints ?? []) ?? {});
  }
  const designType = Reflect.getMetadata('design:type', dto.prototype as object, property) as unknown;
  const isArray = value.isArray === true || designType === Array;
  delete value.isArray;
  if (nested) {
    // An array of nested objects does not name its element class in the compiled metadata: such a property names it
    // by hand (@ApiProperty({ type: [ElementDto] })), which wins over this description.
    const sizes = { minItems: value.minItems, maxItems: value.maxItems };
    return { required, ...(isArray ? sizes : { type: () => designType as Type }) };
  }
  if (isArray) return { required, ...value, type: 'array', items: { type: 'string', ...item } };
  return { required, type: primitiveName(designType), ...value };
}

const PRIMITIVES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
]);

/**
 * A regular expression as an OpenAPI pattern, which has no flags: a case-insensitive one spells out both cases of
 * its letters (`[0-9a-f]` becomes `[0-9a-fA-F]`, `x` becomes `[xX]`), or it would read stricter than the server is.
 */
function patternOf(pattern: RegExp): string {
  if (!pattern.flags.includes('i')) return pattern.source;
  const source = pattern.source;
  const isLetter = (char: string | undefined): boolean => char !== undefined && /[a-z]/i.test(char);
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
    } else if (char === '[' || char === ']') {
      inClass = char === '[';
      out += char;
    } else if (!isLetter(char)) {
      out += char;
    } else if (!inClass) {
      out += `[${char.toLowerCase()}${char.toUpperCase()}]`;
    } else if (source[i + 1] === '-' && isLetter(source[i + 2])) {
      const range = `${char}-${source[i + 2]}`;
      out += `${range.toLowerCase()}${range.toUpperCase()}`;
      i += 2;
    } else {
      out += `${char.toLowerCase()}${char.toUpperCase()}`;
    }
  }
  return out;
}

/**
 * The class of a nested object (from the compiled types), or of an array's elements (described by hand). Once a
 * document has been built, Swagger keeps this module's own description too, where the class is a lazy `() => Class`.
 */
function nestedClass(dto: Type, property: string): Type | null {
  const prototype = dto.prototype as object;
  const described = (
    Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property) as { type?: unknown } | undefined
  )?.type;
  const candidates = [Reflect.getMetadata('design:type', prototype, property) as unknown, described];
  for (const candidate of candidates) {
    const type =
      typeof candidate === 'function' && candidate.name === 'type' ? (candidate as () => unknown)() : candidate;
    if (typeof type === 'function' && !PRIMITIVES.has(type) && type !== Array && type !== Object) return type as Type;
  }
  return null;
}

function primitiveName(designType: unknown): string {
  return PRIMITIVES.get(designType) ?? 'string';
}

/** The classes the routes take as `@Body()` or `@Query()` (and any other parameter), read from the compiled types. */
function routeParameterTypes(app: INestApplication): Type[] {
  const types: Type[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as Type | null)?.prototype as object | undefined;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const parameters = Reflect.getMetadata('design:paramtypes', prototype, method) as unknown[] | undefined;
        for (const parameter of parameters ?? []) if (typeof parameter === 'function') types.push(parameter as Type);
      }
    }
  }
  return types;
}
