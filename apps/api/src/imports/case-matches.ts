import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DUPLICATE_THRESHOLD, duplicateScore } from '@casetrack/domain';
import {
  FindPossibleDuplicatesQuery,
  GetCaseQuery,
  ListCasesQuery,
  OPENED_CASE_NAMES,
  type PossibleDuplicate,
  type Viewer,
} from '@casetrack/read-model';
import type { ReadRow } from './files';

/** Candidates read for a hearing's person before scoring: a court list names people the cases already hold. */
const SEARCHED = 10;

/** The cases a row's person may be, from the read models, as the importer may see them. */
@Injectable()
export class CaseMatches {
  constructor(
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
  ) {}

  /** Cases that may be the person of a `cases` row: `possibleDuplicates` of `POST /v1/cases`, the same query. */
  existing(viewer: Viewer, read: ReadRow, ownCaseId: string): Promise<PossibleDuplicate[]> {
    const { fullName, nameVariants, city } = read.person;
    if (fullName === '' || city === null) return Promise.resolve([]);
    return this.queries.execute(new FindPossibleDuplicatesQuery(viewer, { fullName, nameVariants, city }, ownCaseId));
  }

  /**
   * The cases a `hearings` row may be about: the case it names by id (if the importer may see it), else the cases whose
   * names are alike enough to be duplicates (a court list gives no city, so the name alone decides).
   */
  async forHearing(viewer: Viewer, read: ReadRow): Promise<PossibleDuplicate[]> {
    if (read.caseId !== null) {
      const found = await this.queries.execute(new GetCaseQuery(viewer, read.caseId));
      return found === null
        ? []
        : [{ caseId: found.caseId, fullName: found.fullName, city: found.city ?? '', score: 1 }];
    }
    const { fullName, nameVariants } = read.person;
    if (fullName === '') return [];
    const page = await this.queries.execute(
      new ListCasesQuery(viewer, { q: fullName, closed: false }, { page: 1, pageSize: SEARCHED }),
    );
    const spellings = [fullName, ...nameVariants];
    return page.items
      .map((item) => ({
        caseId: item.caseId,
        fullName: item.fullName,
        city: item.city ?? '',
        score: bestScore(spellings, [item.fullName, ...item.nameVariants]),
      }))
      .filter((candidate) => candidate.score >= DUPLICATE_THRESHOLD)
      .sort((a, b) => b.score - a.score)
      .map((candidate) => ({ ...candidate, score: Math.round(candidate.score * 1000) / 1000 }));
  }

  /**
   * The spellings of a case the importer may see: from the read models, or, for a case opened or renamed since the
   * projector passed, from the write path's copy of its names (as possible duplicates read them), so that the answer
   * does not depend on how far behind the projector is. Null when neither shows it.
   */
  async spellingsOf(viewer: Viewer, caseId: string): Promise<string[] | null> {
    // The write path's copy first: the projector deletes it in the transaction that writes the case's row, so one of
    // the two reads finds the case's names whatever it does meanwhile.
    const opened: Array<{ full_name: string; name_variants: string[]; lawyer_ids: string[] }> =
      await this.dataSource.query(
        `SELECT full_name, name_variants, lawyer_ids FROM ${OPENED_CASE_NAMES} WHERE case_id = $1`,
        [caseId],
      );
    const found = await this.queries.execute(new GetCaseQuery(viewer, caseId));
    const names = found === null ? [] : [found.fullName, ...found.nameVariants];
    // The case list's access rule, as the possible-duplicates query applies it to these rows.
    for (const row of opened) {
      if (viewer.role !== 'lawyer' || row.lawyer_ids.includes(viewer.id))
        names.push(row.full_name, ...row.name_variants);
    }
    return names.length === 0 ? null : names;
  }
}

function bestScore(ours: readonly string[], theirs: readonly string[]): number {
  let best = 0;
  for (const a of ours) for (const b of theirs) best = Math.max(best, duplicateScore(a, b));
  return best;
}
