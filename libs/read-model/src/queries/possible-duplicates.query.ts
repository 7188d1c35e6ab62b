import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DUPLICATE_CANDIDATE_THRESHOLD, DUPLICATE_THRESHOLD, duplicateScore } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { nameSearchKey } from '../names/names';
import { OPENED_CASE_NAMES } from '../names/opened-case-names';
import { Sql } from './sql';
import { type Viewer, visibleTo } from './viewer';

export interface PossibleDuplicate {
  caseId: string;
  fullName: string;
  city: string;
  /** `duplicateScore` of the closest pair of spellings, in [DUPLICATE_THRESHOLD, 1]. */
  score: number;
}

export interface DuplicateProbe {
  fullName: string;
  nameVariants: readonly string[];
  /** Absent: not known; a case whose city is unknown is nobody's duplicate, for lack of the city that narrows it. */
  city?: string;
}

/** Cases that may be the same person as `probe`: same city, a name close across spellings and scripts. */
export class FindPossibleDuplicatesQuery extends Query<PossibleDuplicate[]> {
  constructor(
    readonly viewer: Viewer,
    readonly probe: DuplicateProbe,
    /** The case being opened: never its own duplicate. */
    readonly excludeCaseId: string,
  ) {
    super();
  }
}

/** At most this many are answered, best first. */
export const MAX_POSSIBLE_DUPLICATES = 10;
/** Candidates the trigram index returns before scoring; a common name in a big city must not scan thousands. */
const MAX_CANDIDATES = 200;

interface CandidateRow {
  case_id: string;
  full_name: string;
  name_variants: string[];
  city: string;
}

/**
 * Among the projected cases and the cases opened since the projector's checkpoint (libs/read-model
 * opened-case-names), so that a case opened a moment earlier is found. Two steps, as the names module recommends: the GIN trigram index finds candidates whose stored keys contain a
 * spelling close to one of the probe's (`<%` at DUPLICATE_CANDIDATE_THRESHOLD, lower than search's, so a typo in a
 * short surname is among them), then `duplicateScore` decides, because its patronymic rule and
 * weakest-word cap have no SQL operator. Narrowed to the viewer's cases with the case list's own rule, so a lawyer
 * never learns the names of cases they may not see.
 */
@QueryHandler(FindPossibleDuplicatesQuery)
export class FindPossibleDuplicatesHandler implements IQueryHandler<FindPossibleDuplicatesQuery, PossibleDuplicate[]> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, probe, excludeCaseId }: FindPossibleDuplicatesQuery): Promise<PossibleDuplicate[]> {
    const spellings = [probe.fullName, ...probe.nameVariants];
    const keys = [...new Set(spellings.map(nameSearchKey).filter((key) => key.length > 0))];
    const probeCity = probe.city?.trim() ?? '';
    if (keys.length === 0 || probeCity.length === 0) return [];

    const sql = new Sql();
    const city = sql.param(probeCity);
    const exclude = sql.param(excludeCaseId);
    const placeholders = keys.map((key) => sql.param(key));
    // The same test for a projected row and for a just-opened case's names (both tables name their columns alike).
    const matching = (alias: string): string =>
      [
        visibleTo(sql, alias, viewer),
        `lower(${alias}.city) = lower(${city})`,
        `${alias}.case_id <> ${exclude}`,
        `(${placeholders.map((p) => `${p} <% ${alias}.name_keys`).join(' OR ')})`,
      ].join(' AND ');
    const closest = (alias: string): string =>
      `greatest(${placeholders.map((p) => `word_similarity(${p}, ${alias}.name_keys)`).join(', ')})`;
    // One statement, one snapshot: the projector writes a case's row and deletes its names row in one transaction,
    // so each case is read from exactly one of the two tables, whatever the projector is doing: the names row when
    // it is newer than the projected row (a case opened or renamed since the projector passed), else the projected
    // row. Neither table is locked by a rebuild's swap, which only holds the checkpoint.
    const statement = `SELECT case_id, full_name, name_variants, city FROM (
         SELECT c.case_id, c.full_name, c.name_variants, c.city, ${closest('c')} AS closeness
           FROM ${READ_MODEL_SCHEMA}.cases c
          WHERE ${matching('c')} AND c.merged_into IS NULL
            AND NOT EXISTS (SELECT 1 FROM ${OPENED_CASE_NAMES} n WHERE n.case_id = c.case_id AND n.version > c.version)
         UNION ALL
         SELECT o.case_id, o.full_name, o.name_variants, o.city, ${closest('o')}
           FROM ${OPENED_CASE_NAMES} o
          WHERE ${matching('o')}
            AND NOT EXISTS (
              SELECT 1 FROM ${READ_MODEL_SCHEMA}.cases p WHERE p.case_id = o.case_id AND p.version >= o.version
            )
       ) candidates
        ORDER BY closeness DESC, case_id
        LIMIT ${sql.param(MAX_CANDIDATES)}`;
    // `<%` reads its threshold from the setting only, so the candidates' lower one is set for this transaction alone.
    const rows = await this.dataSource.transaction(async (manager): Promise<CandidateRow[]> => {
      await manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${DUPLICATE_CANDIDATE_THRESHOLD}`);
      return manager.query(statement, sql.params);
    });

    return rows
      .map((row) => ({
        caseId: row.case_id,
        fullName: row.full_name,
        city: row.city,
        score: bestScore(spellings, [row.full_name, ...row.name_variants]),
      }))
      .filter((candidate) => candidate.score >= DUPLICATE_THRESHOLD)
      .sort((a, b) => b.score - a.score || (a.caseId < b.caseId ? -1 : 1))
      .slice(0, MAX_POSSIBLE_DUPLICATES)
      .map((candidate) => ({ ...candidate, score: Math.round(candidate.score * 1000) / 1000 }));
  }
}

/** The closest pair of spellings decides: one report may only know the Cyrillic name, the other only the Latin. */
function bestScore(ours: readonly string[], theirs: readonly string[]): number {
  let best = 0;
  for (const a of ours) for (const b of theirs) best = Math.max(best, duplicateScore(a, b));
  return best;
}
