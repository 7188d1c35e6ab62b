import type { CaseEventOf, CaseEventType, Instant } from '../events/case-events';
import type { OccurredAtPrecision, RecorderRole, ReleaseGrounds } from '../values/vocabularies';

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
  actor: { id: string; role: RecorderRole };
}

type Command<T extends string, D> = { readonly type: T } & D;
type DataOf<T extends CaseEventType> = CaseEventOf<T>['data'];

/*
 * The commands, by area. The same areas name the folders of the deciders (libs/domain/src/deciders) and of the
 * write routes (apps/api/src/cases), so a command is found under one name everywhere.
 */

// Intake: the detainee and how the news of them came.
export type OpenCase = Command<'OpenCase', DataOf<'CaseOpened'>>;
/** Corrects or completes who the person is; at least one field (the edge checks it, the decider too). */
export type CorrectIdentity = Command<'CorrectIdentity', DataOf<'IdentityCorrected'>>;
export type AddNameVariants = Command<'AddNameVariants', DataOf<'NameVariantsAdded'>>;
export type IntakeCommand = OpenCase | CorrectIdentity | AddNameVariants;

// Lawyers: who defends the person.
/** `assigneeIsLawyer` is looked up by the handler: only an active user with the lawyer role can be assigned. */
export type AssignLawyer = Command<'AssignLawyer', DataOf<'LawyerAssigned'> & { assigneeIsLawyer: boolean }>;
export type UnassignLawyer = Command<'UnassignLawyer', DataOf<'LawyerUnassigned'>>;
export type LawyerCommand = AssignLawyer | UnassignLawyer;

// Custody: where the person is, under whose control, and what happens to them there (access, health, death).
export type RecordDetention = Command<'RecordDetention', DataOf<'DetentionRecorded'>>;
export type ReportWhereaboutsUnknown = Command<'ReportWhereaboutsUnknown', DataOf<'WhereaboutsUnknownReported'>>;
export type TransferDetainee = Command<'TransferDetainee', DataOf<'DetaineeTransferred'>>;
export type ReleaseToHouseArrest = Command<'ReleaseToHouseArrest', DataOf<'ReleasedToHouseArrest'>>;
export type Release = Command<'Release', DataOf<'Released'>>;
export type RecordAccessDenial = Command<'RecordAccessDenial', DataOf<'AccessDenied'>>;
export type RecordAccessGranted = Command<'RecordAccessGranted', DataOf<'AccessGranted'>>;
export type RecordMedicalFact = Command<'RecordMedicalFact', DataOf<'MedicalFactRecorded'>>;
export type RecordDeath = Command<'RecordDeath', DataOf<'DeathRecorded'>>;
export type CustodyCommand =
  | RecordDetention
  | ReportWhereaboutsUnknown
  | TransferDetainee
  | ReleaseToHouseArrest
  | Release
  | RecordAccessDenial
  | RecordAccessGranted
  | RecordMedicalFact
  | RecordDeath;

// Charges: what the person is accused of, under the criminal or the administrative code, and what came of it
// (an administrative sanction, the verdict). Not a preventive measure: those restrain a person awaiting trial.
export type BringCharge = Command<'BringCharge', DataOf<'ChargeBrought'>>;
export type RequalifyCharge = Command<'RequalifyCharge', DataOf<'ChargeRequalified'>>;
export type DropCharge = Command<'DropCharge', DataOf<'ChargeDropped'>>;
export type ImposeAdministrativeSanction = Command<
  'ImposeAdministrativeSanction',
  DataOf<'AdministrativeSanctionImposed'>
>;
export type DeliverVerdict = Command<'DeliverVerdict', DataOf<'VerdictDelivered'>>;
export type ChargeCommand = BringCharge | RequalifyCharge | DropCharge | ImposeAdministrativeSanction | DeliverVerdict;

// Hearings: scheduled, moved, cancelled, held.
export type ScheduleHearing = Command<'ScheduleHearing', DataOf<'HearingScheduled'>>;
export type RescheduleHearing = Command<'RescheduleHearing', DataOf<'HearingRescheduled'>>;
export type CancelHearing = Command<'CancelHearing', DataOf<'HearingCancelled'>>;
export type RecordHearingOutcome = Command<'RecordHearingOutcome', DataOf<'HearingHeld'>>;
export type HearingCommand = ScheduleHearing | RescheduleHearing | CancelHearing | RecordHearingOutcome;

// Hearing decisions: a hearing's outcome together with what the court ordered there, recorded in one append.
/** What the court decided, with only what that decision needs. */
export type HearingDecision =
  | { kind: 'detention_ordered'; until: Instant }
  | { kind: 'house_arrest'; until?: Instant }
  | { kind: 'released'; grounds?: ReleaseGrounds }
  | { kind: 'postponed'; scheduledAt: Instant }
  | { kind: 'administrative_arrest'; days: number }
  | { kind: 'fine'; amount?: number; currency?: string }
  | { kind: 'other' };
/** How the hearing went; a postponed hearing was not held and takes none of these. */
export type HearingDetails = Omit<DataOf<'HearingHeld'>, 'hearingId' | 'outcome'>;
export type RecordHearingDecision = Command<
  'RecordHearingDecision',
  { hearingId: string; decision: HearingDecision; details: HearingDetails }
>;

// Preventive measures: pre-trial detention, house arrest, bail... imposed and extended by a court.
export type ImposePreventiveMeasure = Command<'ImposePreventiveMeasure', DataOf<'PreventiveMeasureImposed'>>;
export type ExtendPreventiveMeasure = Command<'ExtendPreventiveMeasure', DataOf<'PreventiveMeasureExtended'>>;
export type PreventiveMeasureCommand = ImposePreventiveMeasure | ExtendPreventiveMeasure;

// Torture allegations: what the person says was done to them, when, where, by whom.
export type RecordTortureAllegation = Command<'RecordTortureAllegation', DataOf<'TortureAllegationRecorded'>>;
export type TortureAllegationCommand = RecordTortureAllegation;

// Complaints: filed with the prosecutor and others, their answers, pressure on the complainant, withdrawal.
export type FileComplaint = Command<'FileComplaint', DataOf<'ComplaintFiled'>>;
export type RecordComplaintResponse = Command<'RecordComplaintResponse', DataOf<'ComplaintAnswered'>>;
export type RecordComplainantPressure = Command<'RecordComplainantPressure', DataOf<'ComplainantPressured'>>;
export type WithdrawComplaint = Command<'WithdrawComplaint', DataOf<'ComplaintWithdrawn'>>;
/** Pressure on the detainee or family not tied to one complaint; lives here beside the complainant's pressure. */
export type ReportPressure = Command<'ReportPressure', DataOf<'PressureReported'>>;
export type ComplaintCommand =
  FileComplaint | RecordComplaintResponse | RecordComplainantPressure | WithdrawComplaint | ReportPressure;

// Case file: free notes, and retractions of facts recorded in error.
export type AddNote = Command<'AddNote', DataOf<'NoteAdded'>>;
export type RetractFact = Command<'RetractFact', DataOf<'FactRetracted'>>;
/**
 * `linkedCaseVisible` is looked up by the handler: the other case exists and the actor may see it (a link to a case
 * the actor cannot see would tell them it exists). `ownCaseId` is the case the link is recorded on.
 */
export type LinkCase = Command<'LinkCase', DataOf<'CaseLinked'> & { ownCaseId: string; linkedCaseVisible: boolean }>;
export type CaseFileCommand = AddNote | RetractFact | LinkCase;

// Lifecycle: closing the case when work on it ends, reopening it, erasing its sensitive data.
export type CloseCase = Command<'CloseCase', DataOf<'CaseClosed'>>;
export type ReopenCase = Command<'ReopenCase', DataOf<'CaseReopened'>>;
export type EraseCase = Command<'EraseCase', DataOf<'CaseErased'>>;
/**
 * This case is a duplicate of `intoCaseId`. The handler looks up the survivor: `intoCaseVisible` (it exists and the
 * actor may see it) and `intoCaseMerged` (it is itself a merged duplicate). `ownCaseId` is this case.
 */
export type MergeCase = Command<
  'MergeCase',
  DataOf<'MergeRequested'> & { ownCaseId: string; intoCaseVisible: boolean; intoCaseMerged: boolean }
>;
/** Completes a merge on the survivor (the service's own write, after MergeRequested is on the duplicate). */
export type AbsorbDuplicate = Command<'AbsorbDuplicate', DataOf<'DuplicateMerged'>>;
export type LifecycleCommand = CloseCase | ReopenCase | EraseCase | MergeCase | AbsorbDuplicate;

export type CaseCommand =
  | IntakeCommand
  | LawyerCommand
  | CustodyCommand
  | ChargeCommand
  | HearingCommand
  | RecordHearingDecision
  | PreventiveMeasureCommand
  | TortureAllegationCommand
  | ComplaintCommand
  | CaseFileCommand
  | LifecycleCommand;

export type CaseCommandType = CaseCommand['type'];
