import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersRepository } from '../users/users.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SettingsRepository } from './settings.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, TokenService, SettingsRepository, UsersRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, TokenService, UsersRepository],
})
export class AuthModule {}
