/** The schema the live read models are in; a rebuild fills another one and swaps the names. */
export const READ_MODEL_SCHEMA = 'read_model';

/** The projector's row in `<schema>.checkpoint`. */
export const CHECKPOINT_NAME = 'cases';

/** The tables of one read-model schema, in the order a shadow copy creates them. */
export const READ_MODEL_TABLES = [
  'checkpoint',
  'cases',
  'hearings',
  'complaints',
  'quarantine',
  'case_counts',
] as const;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name checked and quoted for SQL: schema names are configuration, never user input, but still checked. */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new RangeError(`Not a valid schema name: ${schema}`);
  return `"${schema}"`;
}
