import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@casetrack/auth';
import { ChargesController } from './charges/charges.controller';
import { ComplaintsController } from './complaints/complaints.controller';
import { CustodyController } from './custody/custody.controller';
import { FactsController } from './facts/facts.controller';
import { HearingsController } from './hearings/hearings.controller';
import { LawyersController } from './lawyers/lawyers.controller';
import { LifecycleController } from './lifecycle/lifecycle.controller';
import { MeasuresController } from './measures/measures.controller';
import { OpenCaseController } from './open-case/open-case.controller';
import { PossibleDuplicates } from './open-case/possible-duplicates';
import { TortureController } from './torture/torture.controller';
import { AccessRevocations } from './write/access-revocations';
import { CaseWriter } from './write/case-writer';
import { ExecuteCaseCommandHandler } from './write/execute-case-command.handler';
import { IdempotencyRecordEntity } from './write/idempotency-record.entity';

@Module({
  imports: [CqrsModule, AuthModule, TypeOrmModule.forFeature([IdempotencyRecordEntity])],
  controllers: [
    OpenCaseController,
    LawyersController,
    CustodyController,
    ChargesController,
    HearingsController,
    MeasuresController,
    TortureController,
    ComplaintsController,
    FactsController,
    LifecycleController,
  ],
  providers: [CaseWriter, ExecuteCaseCommandHandler, AccessRevocations, PossibleDuplicates],
})
export class CasesModule {}
