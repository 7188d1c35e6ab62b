import { Global, Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { CaseAccessInterceptor } from './logs-case-access';
import { CaseAccessLog } from './case-access-log';

@Global()
@Module({
  controllers: [AccessLogController],
  providers: [CaseAccessLog, CaseAccessInterceptor],
  exports: [CaseAccessLog, CaseAccessInterceptor],
})
export class AccessLogModule {}
