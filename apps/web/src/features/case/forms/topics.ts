/**
 * The case page's write menus: the writes grouped by what a person is about to record, so that ~36 forms read as six
 * menus rather than one row of buttons. Each topic's title is `console.case.topic.<topic>`; within a topic the writes
 * keep the order of WRITE_FORMS. A write no topic names falls into the last one rather than disappear.
 */
export const WRITE_TOPICS = {
  custody: ['detention', 'whereaboutsUnknown', 'transfer', 'houseArrest', 'release'],
  court: [
    'charge',
    'requalifyCharge',
    'dropCharge',
    'administrativeSanction',
    'hearing',
    'rescheduleHearing',
    'cancelHearing',
    'hearingOutcome',
    'preventiveMeasure',
    'extendMeasure',
    'verdict',
  ],
  torture: [
    'tortureAllegation',
    'complaint',
    'complaintResponse',
    'complaintPressure',
    'complaintWithdrawal',
    'pressure',
  ],
  health: ['medical', 'accessDenied', 'accessGranted', 'death'],
  person: ['identity', 'nameVariants', 'link', 'assignLawyer', 'unassignLawyer'],
  case: ['note', 'close', 'reopen', 'merge', 'erase'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type WriteTopic = keyof typeof WRITE_TOPICS;

export const TOPIC_ORDER = Object.keys(WRITE_TOPICS) as WriteTopic[];

/** The topic whose menu holds the write `formId` (the last topic for a write none names). */
export function topicOf(formId: string): WriteTopic {
  return (
    TOPIC_ORDER.find((topic) => (WRITE_TOPICS[topic] as readonly string[]).includes(formId)) ??
    TOPIC_ORDER[TOPIC_ORDER.length - 1]!
  );
}
