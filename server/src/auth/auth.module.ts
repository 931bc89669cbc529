import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditService } from '../audit/audit.service';
import { UsersController } from '../users/users.controller';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRedis } from './auth-redis';
import { AuthService } from './auth.service';
import { SessionRegistry } from './session-registry';
import { SessionsRepository } from './sessions.repository';
import { SettingsRepository } from './settings.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    TokenService,
    SettingsRepository,
    UsersRepository,
    SessionsRepository,
    SessionRegistry,
    AuthRedis,
    UsersService,
    AuditService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, TokenService, UsersRepository, SessionRegistry],
})
export class AuthModule {}
