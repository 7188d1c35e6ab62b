import type { MigrationInterface } from 'typeorm';
import { EventStore1764000000000 } from './1764000000000-event-store';
import { Accounts1764000000100 } from './1764000000100-accounts';
import { ReadModels1764000000200 } from './1764000000200-read-models';
import { Reminders1764000000300 } from './1764000000300-reminders';
import { LoginAttempts1764000000400 } from './1764000000400-login-attempts';
import { CaseAccessLog1764000000500 } from './1764000000500-case-access-log';
import { CaseKeys1764000000600 } from './1764000000600-case-keys';
import { EventStoreCopy1764000000700 } from './1764000000700-event-store-copy';
import { SecondFactor1764000000800 } from './1764000000800-second-factor';
import { LoginThrottle1764000000850 } from './1764000000850-login-throttle';
import { ProjectionQuarantine1764000001000 } from './1764000001000-projection-quarantine';
import { CaseAccessRevocations1764000000900 } from './1764000000900-case-access-revocations';
import { IdempotencyOutcomes1764000001100 } from './1764000001100-idempotency-outcomes';
import { UserLocale1764000001200 } from './1764000001200-user-locale';
import { LawyerAssignmentsIndex1764000001201 } from './1764000001201-lawyer-assignments-index';
import { UnknownCity1764000001210 } from './1764000001210-unknown-city';
import { OpenedCaseNames1764000001260 } from './1764000001260-opened-case-names';
import { AdministrativeTerm1764000001280 } from './1764000001280-administrative-term';
import { CaseLinks1764000001300 } from './1764000001300-case-links';
import { PublicRoles1764000001320 } from './1764000001320-public-roles';
import { MergedCases1764000001340 } from './1764000001340-merged-cases';
import { ExpectedReleasePrecision1764000001360 } from './1764000001360-expected-release-precision';
import { ReportColumns1764000001400 } from './1764000001400-report-columns';
import { CaseListIndexes1764000001410 } from './1764000001410-case-list-indexes';
import { ExportAccessLog1764000001420 } from './1764000001420-export-access-log';
import { CasesToastTarget1764000001430 } from './1764000001430-cases-toast-target';
import { CaseFigures1764000001440 } from './1764000001440-case-figures';
import { ConsoleSessions1764000001500 } from './1764000001500-console-sessions';
import { CaseCounts1764000001600 } from './1764000001600-case-counts';
import { RoleDay1764000001700 } from './1764000001700-role-day';
import { CourtDay1764000001810 } from './1764000001810-court-day';
import { HearingTimePrecision1764000001811 } from './1764000001811-hearing-time-precision';
import { Imports1764000001820 } from './1764000001820-imports';
import { RuleDeadlineReminders1764000001830 } from './1764000001830-rule-deadline-reminders';
import { CaseDeadlines1764000001840 } from './1764000001840-case-deadlines';

/** Every migration, in order. Listed explicitly so the same set runs from TypeScript (tests) and from `dist/`. */
export const ALL_MIGRATIONS: Array<new () => MigrationInterface> = [
  EventStore1764000000000,
  Accounts1764000000100,
  ReadModels1764000000200,
  Reminders1764000000300,
  LoginAttempts1764000000400,
  CaseAccessLog1764000000500,
  CaseKeys1764000000600,
  EventStoreCopy1764000000700,
  SecondFactor1764000000800,
  LoginThrottle1764000000850,
  CaseAccessRevocations1764000000900,
  ProjectionQuarantine1764000001000,
  IdempotencyOutcomes1764000001100,
  UserLocale1764000001200,
  LawyerAssignmentsIndex1764000001201,
  UnknownCity1764000001210,
  OpenedCaseNames1764000001260,
  AdministrativeTerm1764000001280,
  CaseLinks1764000001300,
  PublicRoles1764000001320,
  MergedCases1764000001340,
  ExpectedReleasePrecision1764000001360,
  ReportColumns1764000001400,
  CaseListIndexes1764000001410,
  ExportAccessLog1764000001420,
  CasesToastTarget1764000001430,
  CaseFigures1764000001440,
  ConsoleSessions1764000001500,
  CaseCounts1764000001600,
  RoleDay1764000001700,
  CourtDay1764000001810,
  HearingTimePrecision1764000001811,
  Imports1764000001820,
  RuleDeadlineReminders1764000001830,
  CaseDeadlines1764000001840,
];
