import { type Charge, type Complaint, ERASED_TEXT, type Hearing } from '@casetrack/domain';

/**
 * What the statistics add up per case, kept on its row so that they read the cases once rather than join their
 * hearings and complaints (see migration 1764000001440). Derived from the same state as those tables' rows.
 */
export interface CaseFigures {
  held_hearings: number;
  /** The durations of the held hearings whose duration was recorded. */
  held_minutes: number[];
  /** Held hearings where it was recorded whether the defendant was heard; of them, those where they were. */
  defendant_heard_known: number;
  defendant_heard: number;
  lawyer_present_known: number;
  lawyer_present: number;
  complaints_filed: number;
  complaints_investigation_opened: number;
  complaints_refused: number;
  /** When the awaiting complaints' answers are due (those with a due time): past it, a complaint is overdue. */
  complaint_due_at: string[];
  /** `<article>\u001f<title>` of each active charge whose article and title are known, once per pair. */
  article_titles: string[];
}

/** The separator of `article_titles`: an article is a number of the code and never holds it. */
export const ARTICLE_TITLE_SEPARATOR = '\u001f';

export function caseFigures(
  hearings: readonly Hearing[],
  complaints: readonly Complaint[],
  charges: readonly Charge[],
): CaseFigures {
  const held = hearings.filter((h) => h.status === 'held');
  const titled = charges.flatMap((c) => {
    const title = c.title?.trim();
    if (c.status !== 'active' || c.article === undefined || !title || title === ERASED_TEXT) return [];
    return [`${c.article}${ARTICLE_TITLE_SEPARATOR}${title}`];
  });
  return {
    held_hearings: held.length,
    held_minutes: held.flatMap((h) => (h.durationMinutes === undefined ? [] : [h.durationMinutes])),
    defendant_heard_known: held.filter((h) => h.defendantHeard !== undefined).length,
    defendant_heard: held.filter((h) => h.defendantHeard === true).length,
    lawyer_present_known: held.filter((h) => h.lawyerPresent !== undefined).length,
    lawyer_present: held.filter((h) => h.lawyerPresent === true).length,
    complaints_filed: complaints.length,
    complaints_investigation_opened: complaints.filter((c) => c.response?.outcome === 'investigation_opened').length,
    complaints_refused: complaints.filter((c) => c.response?.outcome === 'refused').length,
    complaint_due_at: complaints.flatMap((c) =>
      c.status === 'awaiting' && c.responseDueAt !== undefined ? [c.responseDueAt] : [],
    ),
    article_titles: [...new Set(titled)].sort(),
  };
}
