import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenEntity } from './access-token.entity';
import { AuthGuard } from './auth.guard';
import { LoginLimiter } from './login-limiter';
import { TokensService } from './tokens.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, AccessTokenEntity])],
  providers: [UsersService, TokensService, LoginLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, TokensService, LoginLimiter],
})
export class AuthModule {}
