import type { CaseEventOf, CaseEventType, Instant } from '../events/case-events';
import type { ActorRole, OccurredAtPrecision } from '../values/vocabularies';

/**
 * Everything a decider needs besides the command and the state. The handler supplies it,
 * so deciders never read the clock or the database.
 */
export interface DecisionContext {
  /** The server's time of the decision; becomes `recordedAt`. */
  now: Instant;
  /** When the fact happened; defaults to `now` at the edge. */
  occurredAt: Instant;
  occurredAtPrecision: OccurredAtPrecision;
  actor: { id: string; role: ActorRole };
}

type Command<T extends string, D> = { readonly type: T } & D;
type DataOf<T extends CaseEventType> = CaseEventOf<T>['data'];

export type OpenCase = Command<'OpenCase', DataOf<'CaseOpened'>>;
/** `assigneeIsLawyer` is looked up by the handler: only an active user with the lawyer role can be assigned. */
export type AssignLawyer = Command<'AssignLawyer', DataOf<'LawyerAssigned'> & { assigneeIsLawyer: boolean }>;
export type UnassignLawyer = Command<'UnassignLawyer', DataOf<'LawyerUnassigned'>>;
export type RecordDetention = Command<'RecordDetention', DataOf<'DetentionRecorded'>>;
export type ReportWhereaboutsUnknown = Command<'ReportWhereaboutsUnknown', DataOf<'WhereaboutsUnknownReported'>>;
export type TransferDetainee = Command<'TransferDetainee', DataOf<'DetaineeTransferred'>>;
export type BringCharge = Command<'BringCharge', DataOf<'ChargeBrought'>>;
export type RequalifyCharge = Command<'RequalifyCharge', DataOf<'ChargeRequalified'>>;
export type DropCharge = Command<'DropCharge', DataOf<'ChargeDropped'>>;
export type ImposeAdministrativeSanction = Command<
  'ImposeAdministrativeSanction',
  DataOf<'AdministrativeSanctionImposed'>
>;
export type ScheduleHearing = Command<'ScheduleHearing', DataOf<'HearingScheduled'>>;
export type RescheduleHearing = Command<'RescheduleHearing', DataOf<'HearingRescheduled'>>;
export type CancelHearing = Command<'CancelHearing', DataOf<'HearingCancelled'>>;
export type RecordHearingOutcome = Command<'RecordHearingOutcome', DataOf<'HearingHeld'>>;
export type ImposePreventiveMeasure = Command<'ImposePreventiveMeasure', DataOf<'PreventiveMeasureImposed'>>;
export type ExtendPreventiveMeasure = Command<'ExtendPreventiveMeasure', DataOf<'PreventiveMeasureExtended'>>;
export type ReleaseToHouseArrest = Command<'ReleaseToHouseArrest', DataOf<'ReleasedToHouseArrest'>>;
export type Release = Command<'Release', DataOf<'Released'>>;
export type RecordAccessDenial = Command<'RecordAccessDenial', DataOf<'AccessDenied'>>;
export type RecordTortureAllegation = Command<'RecordTortureAllegation', DataOf<'TortureAllegationRecorded'>>;
export type FileComplaint = Command<'FileComplaint', DataOf<'ComplaintFiled'>>;
export type RecordComplaintResponse = Command<'RecordComplaintResponse', DataOf<'ComplaintAnswered'>>;
export type RecordComplainantPressure = Command<'RecordComplainantPressure', DataOf<'ComplainantPressured'>>;
export type WithdrawComplaint = Command<'WithdrawComplaint', DataOf<'ComplaintWithdrawn'>>;
export type RecordMedicalFact = Command<'RecordMedicalFact', DataOf<'MedicalFactRecorded'>>;
export type DeliverVerdict = Command<'DeliverVerdict', DataOf<'VerdictDelivered'>>;
export type RecordDeath = Command<'RecordDeath', DataOf<'DeathRecorded'>>;
export type AddNote = Command<'AddNote', DataOf<'NoteAdded'>>;
export type RetractFact = Command<'RetractFact', DataOf<'FactRetracted'>>;
export type CloseCase = Command<'CloseCase', DataOf<'CaseClosed'>>;
export type ReopenCase = Command<'ReopenCase', DataOf<'CaseReopened'>>;
export type EraseCase = Command<'EraseCase', DataOf<'CaseErased'>>;

export type CaseCommand =
  | OpenCase
  | AssignLawyer
  | UnassignLawyer
  | RecordDetention
  | ReportWhereaboutsUnknown
  | TransferDetainee
  | BringCharge
  | RequalifyCharge
  | DropCharge
  | ImposeAdministrativeSanction
  | ScheduleHearing
  | RescheduleHearing
  | CancelHearing
  | RecordHearingOutcome
  | ImposePreventiveMeasure
  | ExtendPreventiveMeasure
  | ReleaseToHouseArrest
  | Release
  | RecordAccessDenial
  | RecordTortureAllegation
  | FileComplaint
  | RecordComplaintResponse
  | RecordComplainantPressure
  | WithdrawComplaint
  | RecordMedicalFact
  | DeliverVerdict
  | RecordDeath
  | AddNote
  | RetractFact
  | CloseCase
  | ReopenCase
  | EraseCase;

export type CaseCommandType = CaseCommand['type'];
