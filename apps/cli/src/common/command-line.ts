import { parseArgs } from 'node:util';
import { closestName } from './closest-name';

/** A command line that cannot run: the message says why; the caller prints it with the usage and exits with 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder in the usage (`<n>`), for a string option. */
  placeholder?: string;
  help: string;
}

/** The options as `parseArgs` found them, before they are checked and typed. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface CommandSpec<A> {
  name: string;
  /** One line per form of the command, after its name (`--cases <n> [--seed <s>]`). */
  forms: readonly string[];
  /** One line, for the list of commands. */
  summary: string;
  /** More, for the command's own usage. */
  details?: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Checks and types the values; throws a UsageError for a missing option or a value out of range. */
  toArgs(values: OptionValues): A;
}

export type ParsedCommand<A> = { kind: 'run'; args: A } | { kind: 'help' } | { kind: 'error'; message: string };

const HELP: OptionSpec = { type: 'boolean', help: 'show this text' };

/**
 * Strict parsing (`node:util` parseArgs): an unknown or misspelt option, a missing value, a value given to a flag, a
 * positional argument or an option given twice is an error, never a silent default.
 */
export function parseCommand<A>(spec: CommandSpec<A>, argv: readonly string[]): ParsedCommand<A> {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]));
  try {
    const { values, tokens } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
    const seen = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== 'option') continue;
      if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
      seen.add(token.name);
    }
    if (values.help === true) return { kind: 'help' };
    return { kind: 'run', args: spec.toArgs(values) };
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'error', message: error.message };
    if (isParseArgsError(error)) return { kind: 'error', message: explain(error, spec) };
    throw error;
  }
}

/** `usage: casetrack-cli <name> <form>` for each form, the summary, then one line per option. */
export function commandUsage(spec: CommandSpec<unknown>): string {
  const forms = spec.forms.map((form, i) =>
    `${i === 0 ? 'usage:' : '      '} casetrack-cli ${spec.name} ${form}`.trimEnd(),
  );
  const entries = Object.entries({ ...spec.options, help: HELP }).map(([name, o]): [string, string] => [
    name === 'help' ? '-h, --help' : `--${name}${o.placeholder ? ` ${o.placeholder}` : ''}`,
    o.help,
  ]);
  const about = spec.details ? `${spec.summary}\n${spec.details}` : spec.summary;
  return `${forms.join('\n')}\n\n${about}\n\noptions:\n${table(entries)}`;
}

/** Two columns, the first padded to its longest entry. */
export function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}\n`).join('');
}

/** By its code, not `instanceof Error`: parseArgs's errors come from Node's own realm (not jest's, in a test). */
function isParseArgsError(error: unknown): error is { code: string; message: string } {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('message' in error)) return false;
  return (
    typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_') && typeof error.message === 'string'
  );
}

/** parseArgs's own words, except for an unknown option: that one names the option it was probably meant to be. */
function explain(error: { code: string; message: string }, spec: CommandSpec<unknown>): string {
  const unknown =
    error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']+)'/.exec(error.message) : null;
  if (!unknown) return error.message;
  const known = [...Object.keys(spec.options), 'help'];
  const meant = closestName(unknown[1].replace(/^-+/, ''), known);
  return `unknown option ${unknown[1]}${meant ? ` (did you mean --${meant}?)` : ''}`;
}
