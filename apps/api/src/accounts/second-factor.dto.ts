import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class SecondFactorCodeDto {
  @ApiProperty({
    description: 'A 6-digit code from the authenticator app (to switch the factor off, a recovery code also works)',
    example: '492039',
    maxLength: 32,
  })
  @IsString()
  @MaxLength(32)
  code!: string;
}

export class SecondFactorEnrolmentDto {
  @ApiProperty({
    description: 'The TOTP secret in base32 (RFC 6238: SHA-1, 6 digits, 30 s), to type into an authenticator app',
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  })
  secret!: string;

  @ApiProperty({
    description: 'The same secret as an otpauth:// URI, to show as a QR code',
    example: 'otpauth://totp/casetrack:aliya%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=casetrack',
  })
  otpauthUrl!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    description: 'Ten one-time codes for when the phone is lost; shown only now, stored only as digests',
    type: [String],
    example: ['k7d2m-q4xza', 'p3v6t-bn2ry'],
  })
  recoveryCodes!: string[];
}

export class SecondFactorResetDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: false })
  secondFactorEnabled!: boolean;
}

export class SecondFactorStatusDto {
  @ApiProperty({ description: 'A confirmed second factor is required at sign-in' })
  enabled!: boolean;

  @ApiProperty({ description: 'This deployment requires one for the role (REQUIRE_2FA)' })
  required!: boolean;
}
