import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type RuleSet, validateRuleSet } from '@casetrack/domain';

/** A rule set that cannot be used: the process stops with this message rather than remind by a wrong rule. */
export class RuleSetError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid deadline rule sets (RULE_SETS):\n  - ${problems.join('\n  - ')}`);
    this.name = 'RuleSetError';
  }
}

/** The repository's (or the image's) `rules/` folder: beside the package.json above this file, compiled or not. */
export function rulesDirectory(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'rules');
    dir = parent;
  }
  return join(dir, 'rules');
}

/**
 * Reads and checks `<directory>/<id>.json` for each id, in order. Every problem of every file is collected, then
 * thrown as one RuleSetError; a file whose `id` is not its name is refused too, so RULE_SETS=kz means kz.json's rules.
 */
export function loadRuleSets(ids: readonly string[], directory: string = rulesDirectory()): RuleSet[] {
  const problems: string[] = [];
  const sets: RuleSet[] = [];
  for (const id of ids) {
    const file = join(directory, `${id}.json`);
    const name = `rules/${id}.json`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? `${name}: no such file in ${directory}`
          : `${name}: not valid JSON (${(error as Error).message})`,
      );
      continue;
    }
    const check = validateRuleSet(parsed);
    if (!check.ok) {
      problems.push(...check.problems.map((problem) => `${name} ${problem}`));
      continue;
    }
    if (check.ruleSet.id !== id) problems.push(`${name} id: is "${check.ruleSet.id}", not the file's name "${id}"`);
    else sets.push(check.ruleSet);
  }
  if (problems.length) throw new RuleSetError(problems);
  return sets;
}
