import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import type { TimelineEvent } from '../../api/types';
import { isQueued, type WriteOutcome } from '../../api/write';
import { useT } from '../../i18n/i18n-context';
import { notifyDone } from '../../shared/notify';
import { caseKeys, fetchTimeline, rememberWriteAnswer } from './api';

interface CaseWrite {
  /** The case and its timeline read again (a 412: the form shows what changed since it opened). */
  readonly refresh: () => Promise<readonly TimelineEvent[] | undefined>;
  /**
   * A write answered: its version kept for the next write, the person told (unless `quiet`: a page that shows the
   * write where it was made, like the court day's row), the case and `lists` read again. A write kept on this device
   * (no connection) is always told, quiet or not: the person must know it is not on the server yet.
   */
  readonly recorded: (answer: WriteOutcome, options?: { quiet?: boolean }) => Promise<void>;
}

/**
 * What a write form needs around it on a case, wherever it is opened (the case page, the agenda, the escalation
 * queue). `lists` are the other reads the opening page shows the case in.
 */
export function useCaseWrite(caseId: string, lists: readonly QueryKey[]): CaseWrite {
  const t = useT();
  const queryClient = useQueryClient();
  const recorded = async (answer: WriteOutcome, options: { quiet?: boolean } = {}): Promise<void> => {
    if (isQueued(answer)) {
      notifyDone(t('offline.keptOnDevice'), t('console.common.close'));
      return;
    }
    rememberWriteAnswer(queryClient, answer);
    if (options.quiet !== true) notifyDone(t('console.form.recorded'), t('console.common.close'));
    // Every read after the write waits for its position (X-Min-Position), so the new fact is there when they answer.
    await queryClient.invalidateQueries({ queryKey: ['case', answer.caseId] });
    for (const queryKey of lists) await queryClient.invalidateQueries({ queryKey });
  };
  const refresh = async (): Promise<readonly TimelineEvent[] | undefined> => {
    await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    // staleTime 0: the cached timeline is what the person saw; what changed is only in a fresh read.
    return queryClient.fetchQuery({
      queryKey: caseKeys.timeline(caseId),
      queryFn: () => fetchTimeline(caseId),
      staleTime: 0,
    });
  };
  return { refresh, recorded };
}
