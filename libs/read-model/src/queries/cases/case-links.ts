import type { DataSource } from 'typeorm';
import { canSeeCase } from '@casetrack/auth';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import type { CaseDetailDocument, LinkView } from '../../projection/views';
import type { Viewer } from '../viewer';

interface OtherCaseRow {
  case_id: string;
  lawyer_ids: string[];
  links: LinkView[] | null;
}

/**
 * The links of a case: those recorded on it and those recorded on another case that point to it, each once, and
 * only to cases the viewer may see (a link must not reveal that a case exists to someone who cannot open it).
 */
export async function linksOf(
  dataSource: DataSource,
  viewer: Viewer,
  caseId: string,
  detail: CaseDetailDocument,
): Promise<LinkView[]> {
  const own = detail.links ?? [];
  const others: OtherCaseRow[] = await dataSource.query(
    `SELECT case_id, lawyer_ids, detail->'links' AS links FROM ${READ_MODEL_SCHEMA}.cases
      WHERE case_id = ANY($2::uuid[]) OR linked_case_ids @> ARRAY[$1::uuid]`,
    [caseId, own.map((l) => l.caseId)],
  );
  const visible = new Set(others.filter((o) => canSeeCase(viewer.role, viewer.id, o.lawyer_ids)).map((o) => o.case_id));
  const pointingHere = others.flatMap((o) =>
    (o.links ?? []).filter((l) => l.caseId === caseId).map((l) => ({ caseId: o.case_id, relation: l.relation })),
  );
  const unique = new Map<string, LinkView>();
  for (const link of [...own, ...pointingHere]) {
    if (visible.has(link.caseId)) unique.set(`${link.caseId}:${link.relation}`, link);
  }
  return [...unique.values()].sort((a, b) => a.caseId.localeCompare(b.caseId) || a.relation.localeCompare(b.relation));
}
