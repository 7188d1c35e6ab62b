import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REMINDER_STATES, type ReminderState } from '@casetrack/reminders';

export class NotificationSettingsDto {
  @ApiProperty({
    description: 'Where reminder emails go; `null` goes back to the account email. Absent: unchanged.',
    type: 'string',
    nullable: true,
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @ApiProperty({
    description:
      'An http(s) URL that receives each reminder as a signed JSON POST; `null` stops webhooks. Absent: unchanged.',
    type: 'string',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  webhookUrl?: string | null;
}

export class ReminderLogDto {
  @IsOptional()
  @Type(() => String)
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsIn(REMINDER_STATES)
  status?: ReminderState;
}
