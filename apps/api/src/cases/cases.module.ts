import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '@casetrack/auth';
import { CaseFileController } from './case-file/case-file.controller';
import { ChargesController } from './charges/charges.controller';
import { ComplaintsController } from './complaints/complaints.controller';
import { PressureController } from './complaints/pressure.controller';
import { CustodyController } from './custody/custody.controller';
import { HearingsController } from './hearings/hearings.controller';
import { IdentityController } from './intake/identity.controller';
import { IntakeController } from './intake/intake.controller';
import { PossibleDuplicates } from './intake/possible-duplicates';
import { LawyersController } from './lawyers/lawyers.controller';
import { LifecycleController } from './lifecycle/lifecycle.controller';
import { MergeRecovery } from './lifecycle/merge-recovery';
import { Merges } from './lifecycle/merges';
import { PreventiveMeasuresController } from './preventive-measures/preventive-measures.controller';
import { TortureAllegationsController } from './torture-allegations/torture-allegations.controller';
import { AccessRevocations } from './write/access-revocations';
import { OpenedCases } from './write/opened-cases';
import { CaseWriter } from './write/case-writer';
import { ExecuteCaseCommandHandler } from './write/execute-case-command.handler';

@Module({
  imports: [CqrsModule, AuthModule],
  controllers: [
    IntakeController,
    IdentityController,
    LawyersController,
    CustodyController,
    ChargesController,
    HearingsController,
    PreventiveMeasuresController,
    TortureAllegationsController,
    ComplaintsController,
    PressureController,
    CaseFileController,
    LifecycleController,
  ],
  providers: [
    CaseWriter,
    ExecuteCaseCommandHandler,
    AccessRevocations,
    OpenedCases,
    PossibleDuplicates,
    Merges,
    MergeRecovery,
  ],
  // Imports record each row through the same write path as these routes.
  exports: [CaseWriter, PossibleDuplicates],
})
export class CasesModule {}
