import { loadConfig } from '@casetrack/config';
import { closestName } from './common/closest-name';
import { type CommandSpec, commandUsage, parseCommand, table } from './common/command-line';
import { COPY_COMMAND } from './copy/copy-arguments';
import { runCopy } from './copy/copy-command';
import { MIGRATE_COMMAND, runMigrate } from './migrate/migrate-command';
import { REBUILD_COMMAND, runRebuild } from './rebuild/rebuild-command';
import { APPLY_RULES_COMMAND, runApplyRules } from './rules/apply-rules-command';
import { SEED_COMMAND } from './seed/seed-arguments';
import { runSeed } from './seed/seed-command';
import { VERIFY_COMMAND } from './verify/verify-arguments';
import { runVerify } from './verify/verify-command';

/** Where the usage, help and command-line errors go (the commands' own output goes to the process's streams). */
export interface CliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** A command with its typed arguments hidden: parses its part of the command line, runs, resolves to an exit code. */
interface CliCommand {
  name: string;
  summary: string;
  execute(argv: readonly string[], out: CliOutput): Promise<number>;
}

/** `run` resolves to its exit code, or to nothing when it can only succeed or throw (exit code 0). */
function cliCommand<A>(spec: CommandSpec<A>, run: (args: A) => Promise<number | void>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    execute: async (argv, out) => {
      const parsed = parseCommand(spec, argv);
      if (parsed.kind === 'run') return (await run(parsed.args)) ?? 0;
      if (parsed.kind === 'help') {
        out.stdout.write(commandUsage(spec));
        return 0;
      }
      out.stderr.write(`casetrack-cli ${spec.name}: ${parsed.message}\n\n${commandUsage(spec)}`);
      return 2;
    },
  };
}

const COMMANDS: readonly CliCommand[] = [
  cliCommand(MIGRATE_COMMAND, runMigrate),
  cliCommand(VERIFY_COMMAND, (args) => runVerify(args, loadConfig().databaseUrl)),
  cliCommand(REBUILD_COMMAND, () => runRebuild(loadConfig())),
  cliCommand(APPLY_RULES_COMMAND, () => runApplyRules(loadConfig())),
  cliCommand(SEED_COMMAND, (args) => runSeed(args, loadConfig())),
  cliCommand(COPY_COMMAND, runCopy),
];

export function usage(): string {
  const rows = COMMANDS.map((c): [string, string] => [c.name, c.summary]);
  return `usage: casetrack-cli <command> [options]\n\ncommands:\n${table(rows)}\ncasetrack-cli <command> --help shows a command's options.\n`;
}

/**
 * Runs one command line; resolves to the exit code: 0 done, 1 the command found a problem (verify, copy), 2 the
 * command line is wrong (the error and the usage on stderr). Configuration and runtime errors are thrown.
 */
export async function runCli(argv: readonly string[], out: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    out.stdout.write(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command.execute(rest, out);
  const meant =
    name === undefined
      ? null
      : closestName(
          name,
          COMMANDS.map((c) => c.name),
        );
  const problem = name === undefined ? 'no command given' : `unknown command '${name}'`;
  out.stderr.write(`casetrack-cli: ${problem}${meant ? ` (did you mean ${meant}?)` : ''}\n\n${usage()}`);
  return 2;
}
