import { Body, Controller, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { isIP } from 'node:net';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { type AuthenticatedUser, CurrentUser, UserEntity } from '@casetrack/auth';
import { isAcceptableWebhookUrl, isForbiddenAddress } from '@casetrack/reminders';
import { ApiException } from '../common/api-exception';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { NotificationSettingsDto } from './notifications.dto';
import { NotificationSettingsSchema, TestNotificationSchema } from './notifications.responses';
import { type ChannelResult, TestNotification } from './test-notification';

export interface NotificationSettings {
  /** The notification email, or null when reminders go to the account email. */
  email: string | null;
  webhookUrl: string | null;
  /** Where reminder emails actually go. */
  deliversTo: string;
}

@ApiTags('reminders')
@SignedInRoutes()
@Controller('v1/users/me/notifications')
export class NotificationsController {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly test: TestNotification,
  ) {}

  @ApiRoute({
    operationId: 'sendTestNotification',
    summary: 'Send a test message now to your reminder email and, if set, your webhook; answers what each did',
    description:
      'Through the channels that deliver reminders, so a sent test means reminders arrive. The message names no ' +
      'case and no person.',
    answer: { type: TestNotificationSchema, description: 'Per channel: sent, failed (with its code) or not set' },
  })
  @Post('test')
  @HttpCode(200)
  async sendTest(@CurrentUser() user: AuthenticatedUser): Promise<{ channels: ChannelResult[] }> {
    const stored = await this.users.findOneByOrFail({ id: user.id });
    const channels = await this.test.send({
      id: stored.id,
      email: stored.email,
      notificationEmail: stored.notificationEmail,
      webhookUrl: stored.webhookUrl,
      locale: stored.locale,
    });
    return { channels };
  }

  @ApiRoute({
    operationId: 'updateNotificationSettings',
    summary: 'Set how the signed-in user receives reminders: email (always) and, if set, a webhook',
    answer: { type: NotificationSettingsSchema, description: 'The settings now' },
  })
  @Put()
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: NotificationSettingsDto,
  ): Promise<NotificationSettings> {
    const changes: Partial<Pick<UserEntity, 'notificationEmail' | 'webhookUrl'>> = {};
    if (body.email !== undefined) changes.notificationEmail = body.email === null ? null : body.email.trim();
    if (body.webhookUrl !== undefined) {
      if (body.webhookUrl !== null) this.checkWebhookUrl(body.webhookUrl);
      changes.webhookUrl = body.webhookUrl;
    }
    if (Object.keys(changes).length) await this.users.update({ id: user.id }, changes);
    const stored = await this.users.findOneByOrFail({ id: user.id });
    return {
      email: stored.notificationEmail,
      webhookUrl: stored.webhookUrl,
      deliversTo: stored.notificationEmail ?? stored.email,
    };
  }

  /** Only http(s); an address literal in a private range is refused now rather than at every delivery. */
  private checkWebhookUrl(raw: string): void {
    const problem = (message: string) => ApiException.validation([{ field: 'webhookUrl', message }]);
    if (!isAcceptableWebhookUrl(raw)) throw problem('webhookUrl must be an http or https URL without credentials');
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
    if (
      !this.config.delivery.webhookAllowPrivate &&
      (host === 'localhost' || (isIP(host) && isForbiddenAddress(host)))
    ) {
      throw problem('webhookUrl may not point to a loopback or private address');
    }
  }
}
