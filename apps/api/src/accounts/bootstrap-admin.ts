import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { EmailTakenError, UsersService } from '@casetrack/auth';
import { LOGGER } from '../common/logger.provider';

/** On a fresh installation, creates the first admin from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.users.count()) > 0) return;
    try {
      const user = await this.users.create({
        email: admin.email,
        name: 'Administrator',
        role: 'admin',
        password: admin.password,
      });
      this.logger.info({ userId: user.id }, 'bootstrap admin created');
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (!(error instanceof EmailTakenError)) throw error;
    }
  }
}
