import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from '../cases/cases.module';
import { CaseMatches } from './case-matches';
import { CommitRunner } from './commit-runner';
import { ImportCheck } from './import-check';
import { ImportSeal } from './import-seal';
import { ImportStore } from './import-store';
import { ImportUsers } from './import-users';
import { ImportsController } from './imports.controller';
import { Imports } from './imports.service';
import { RejectedRows } from './rejected-rows';
import { RowRecorder } from './row-recorder';

/** Imports of lists: upload, dry run, commit in the background (issue 17). */
@Module({
  imports: [CqrsModule, CasesModule],
  controllers: [ImportsController],
  providers: [
    Imports,
    ImportSeal,
    ImportStore,
    ImportCheck,
    CaseMatches,
    RowRecorder,
    ImportUsers,
    CommitRunner,
    RejectedRows,
  ],
})
export class ImportsModule {}
