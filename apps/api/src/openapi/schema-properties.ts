import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';

/*
 * Property decorators for the answer schemas, so that each reads as what it is (an id, a time, a vocabulary) and
 * every time is `format: date-time`, every id `format: uuid`, every count an integer.
 */

type Options = ApiPropertyOptions & { nullable?: boolean };

export const Id = (options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'uuid', ...options });

/** An instant, ISO-8601, answered in UTC. */
export const Time = (options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date-time', ...options });

export const Count = (options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: 'integer', minimum: 0, ...options });

export const Text = (options: Options = {}): PropertyDecorator => ApiProperty({ type: String, ...options });

export const Flag = (options: Options = {}): PropertyDecorator => ApiProperty({ type: Boolean, ...options });

/** One of a named vocabulary; the name becomes a shared schema, so generated clients get one type for it. */
export const OneOf = (name: string, values: readonly string[], options: Options = {}): PropertyDecorator =>
  ApiProperty({ enum: [...values], enumName: name, ...options });

/*
 * Swagger tells a lazy type (`() => Class`, for classes declared further down) from a class by its function name,
 * `type`: the one it gets as a property of that name. Hence `type: () => of()` below rather than `type: of`.
 */

/** A nested object described by its own schema class. */
export const Nested = (of: () => Type, options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: () => of(), ...options });

/** A list of objects (or strings) described by their own schema class. */
export const ListOf = (of: () => Type, options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: () => of(), isArray: true, ...options });

/** Any JSON object: parts of the stream whose shape is the event's own (see the event types in the description). */
export const AnyObject = (options: { nullable?: boolean; description?: string } = {}): PropertyDecorator =>
  ApiProperty({ ...options, type: 'object', additionalProperties: true });

/**
 * Every value of a string union, as a list the compiler checks complete: a value added to the union and not here
 * fails to compile, so the document's enumerations cannot fall behind the server's types.
 */
export function everyValue<T extends string>() {
  return <const V extends readonly T[]>(values: V & ([T] extends [V[number]] ? unknown : never)): V => values;
}

/** `{items, total, page, pageSize}` of one kind of item, named `<item>Page`. */
export function PageOf(item: () => Type, name: string): Type {
  @ApiSchema({ name })
  class Page {
    @ListOf(item)
    items!: unknown[];

    @Count({ description: 'Items matching the filters, on every page' })
    total!: number;

    @Count({ minimum: 1 })
    page!: number;

    @Count({ minimum: 1 })
    pageSize!: number;
  }
  return Page;
}
