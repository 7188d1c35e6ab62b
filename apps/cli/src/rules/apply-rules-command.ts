import type { AppConfig } from '@casetrack/config';
import { loadRuleSets, ReminderProjection } from '@casetrack/reminders';
import type { CommandSpec } from '../common/command-line';
import { openEventStore } from '../rebuild/event-store';
import { applyRules } from './apply-rules';

export const APPLY_RULES_COMMAND: CommandSpec<Record<string, never>> = {
  name: 'apply-rules',
  forms: [''],
  summary: "derive every open case's deadlines and reminders again under RULE_SETS (after a rule set changed)",
  details:
    'Reads rules/<id>.json for each id of RULE_SETS (stopping on any problem), folds every open case from its\n' +
    'stream and writes its deadlines and reminders as the live projector would; the events are not touched.\n' +
    'Safe beside a live API and projector.',
  options: {},
  toArgs: () => ({}),
};

/** `casetrack-cli apply-rules`. */
export async function runApplyRules(config: AppConfig): Promise<void> {
  const ruleSets = loadRuleSets(config.reminders.ruleSets);
  const projection = new ReminderProjection(config.reminders, ruleSets);
  const { pool, store, close } = openEventStore(config, 4);
  try {
    const { cases } = await applyRules(pool, store, projection);
    const names = ruleSets.map((set) => `${set.id} ${set.version}`).join(', ') || 'none';
    process.stdout.write(`Deadlines and reminders derived again for ${cases} open cases under ${names}\n`);
  } finally {
    await close();
  }
}
