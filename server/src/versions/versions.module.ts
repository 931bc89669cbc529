import { Module } from '@nestjs/common';
import { SilenceModule } from '../silence/silence.module';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { VersionsController } from './versions.controller';
import { VersionsRepository } from './versions.repository';
import { VersionsService } from './versions.service';

@Module({ imports: [NegotiationSupportModule, SilenceModule], controllers: [VersionsController], providers: [VersionsService, VersionsRepository] })
export class VersionsModule {}
