import { canSeeCase } from '@casetrack/auth';
import { READ_MODEL_SCHEMA } from '../../projection/read-model-schema';
import type { CaseDetailDocument, LinkView } from '../../projection/views';
import type { Viewer } from '../viewer';

export interface OtherCaseRow {
  case_id: string;
  lawyer_ids: string[];
  links: LinkView[] | null;
}

/**
 * The cases a case's links may name: those its own links name and those whose links name it, as a JSON array of
 * `OtherCaseRow`s, for the statement that reads the case itself (`detail` is its detail column, older rows may lack
 * their links).
 */
export function otherCasesSql(caseId: string, detail: string): string {
  return `SELECT COALESCE(json_agg(json_build_object('case_id', o.case_id, 'lawyer_ids', o.lawyer_ids,
                                                    'links', o.detail->'links')), '[]'::json)
            FROM ${READ_MODEL_SCHEMA}.cases o
           WHERE o.case_id = ANY(ARRAY(SELECT (l->>'caseId')::uuid FROM jsonb_array_elements(
             CASE jsonb_typeof(${detail}->'links') WHEN 'array' THEN ${detail}->'links' ELSE '[]' END) l))
              OR o.linked_case_ids @> ARRAY[${caseId}]`;
}

/**
 * The links of a case: those recorded on it and those recorded on another case that point to it, each once, and
 * only to cases the viewer may see (a link must not reveal that a case exists to someone who cannot open it), given
 * the rows of the other cases they may name (see `otherCasesSql`).
 */
export function linksAmong(
  viewer: Viewer,
  caseId: string,
  detail: CaseDetailDocument,
  others: readonly OtherCaseRow[],
): LinkView[] {
  const own = detail.links ?? [];
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
