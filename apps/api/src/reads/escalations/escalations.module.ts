import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadsModule } from '../reads.module';
import { MinPositionInterceptor } from '../shared/min-position.interceptor';
import { EscalationsController } from './escalations.controller';

/** The coordinators' escalation queue (its query handler is in the read-model module). */
@Module({
  imports: [CqrsModule, ReadsModule],
  controllers: [EscalationsController],
  providers: [MinPositionInterceptor],
})
export class EscalationsModule {}
