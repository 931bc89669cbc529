import { Module } from '@nestjs/common';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { SilenceController } from './silence.controller';
import { SilenceService } from './silence.service';

@Module({ imports: [NegotiationSupportModule], controllers: [SilenceController], providers: [SilenceService], exports: [SilenceService] })
export class SilenceModule {}
