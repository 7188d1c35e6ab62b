import type { OpenAPIObject } from '@nestjs/swagger';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/**
 * Swagger refers to a named schema (a class, an enumeration) through a one-member `allOf`, the OpenAPI 3.0 way to
 * give a reference a description or `nullable` (keywords beside a `$ref` are ignored). Two tidy-ups on that:
 * - with nothing beside it, the `allOf` is only noise: the reference takes its place;
 * - beside `nullable`, OpenAPI 3.0.3 wants the `type` too (a null must be allowed *of* some type): the referenced
 *   schema's type is repeated there.
 */
export function tidySchemas(document: OpenAPIObject): void {
  const named = (document.components?.schemas ?? {}) as Record<string, Node>;
  const typeOf = (reference: unknown): unknown =>
    typeof reference === 'string' ? named[reference.replace('#/components/schemas/', '')]?.type : undefined;

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isNode(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const only = isNode(value) && Array.isArray(value.allOf) && value.allOf.length === 1 ? value.allOf[0] : null;
      if (isNode(value) && isNode(only) && typeof only.$ref === 'string') {
        if (Object.keys(value).length === 1) node[key] = only;
        else if (value.nullable === true && value.type === undefined) value.type = typeOf(only.$ref);
      }
      visit(node[key]);
    }
  };
  visit(document.paths);
  visit(document.components);
}
