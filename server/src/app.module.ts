import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AmendmentsController } from './amendments/amendments.controller';
import { AmendmentsRepository } from './amendments/amendments.repository';
import { AmendmentsService } from './amendments/amendments.service';
import { AuditService } from './audit/audit.service';
import { AuthModule } from './auth/auth.module';
import { CollabModule } from './collaboration/collab.module';
import { DelegationsController } from './committees/committees.controller';
import { DelegationsRepository } from './committees/delegations.repository';
import { DocumentsModule } from './documents/documents.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { DraftsController } from './drafts/drafts.controller';
import { DraftsRepository } from './drafts/drafts.repository';
import { DraftsService } from './drafts/drafts.service';
import { HealthController } from './health/health.controller';
import { createRootLogger, type RootLogger } from './logging/logger';
import { ParagraphsController } from './paragraphs/paragraphs.controller';
import { ParagraphsRepository } from './paragraphs/paragraphs.repository';
import { ParagraphsService } from './paragraphs/paragraphs.service';
import { SponsorResolver } from './sponsorships/sponsor-resolver';
import { SponsorshipsController } from './sponsorships/sponsorships.controller';
import { SponsorshipsRepository } from './sponsorships/sponsorships.repository';
import { SponsorshipsService } from './sponsorships/sponsorships.service';
import { MetricsModule } from './metrics/metrics.module';
import { NegotiationModule } from './workflow/negotiation.module';
import { TranslationsModule } from './translations/translations.module';

/** The resolution itself: drafts, sections, paragraphs, amendments and their sponsors. */
@Module({
  imports: [TranslationsModule],
  controllers: [DraftsController, ParagraphsController, AmendmentsController, SponsorshipsController, DelegationsController],
  providers: [
    AuditService,
    DraftsRepository,
    DraftsService,
    ParagraphsRepository,
    ParagraphsService,
    AmendmentsRepository,
    AmendmentsService,
    SponsorshipsRepository,
    SponsorshipsService,
    SponsorResolver,
    DelegationsRepository,
  ],
  exports: [AuditService, DraftsService, DraftsRepository, ParagraphsService, ParagraphsRepository],
})
export class ResolutionModule {}

@Module({ controllers: [HealthController] })
export class HealthModule {}

@Module({})
export class AppModule {
  /** `logger` is the process's pino logger; its HTTP middleware is mounted by createApp ahead of everything else. */
  static forRoot(config: AppConfig, dataSource: DataSource, logger: RootLogger = createRootLogger(config)): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true }),
        // Named after the database this instance really uses, embedded or not.
        ConfigModule.forRoot(config, (dataSource.options as { url?: string }).url),
        DatabaseModule.forRoot(dataSource),
        EventsModule,
        AuthModule,
        HealthModule,
        ResolutionModule,
        DocumentsModule,
        NegotiationModule,
        CollabModule,
        MetricsModule,
      ],
    };
  }
}
