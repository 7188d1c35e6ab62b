import { type CommandSpec, parseCommand, type ParsedCommand } from '../command-line';

/** `parse('--cases', '10')` for one command, in its spec. */
export function parserOf<A>(spec: CommandSpec<A>): (...argv: string[]) => ParsedCommand<A> {
  return (...argv) => parseCommand(spec, argv);
}

/** What a refused command line parses to: the whole message, or a pattern where the words are parseArgs's own. */
export function usageError(message: string | RegExp): unknown {
  return { kind: 'error', message: typeof message === 'string' ? message : expect.stringMatching(message) };
}
