import { Module } from '@nestjs/common';
import { SilenceModule } from '../silence/silence.module';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { DecisionsService } from './decisions.service';
import { QueueService } from './queue.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { SpeakersService } from './speakers.service';

@Module({
  imports: [NegotiationSupportModule, SilenceModule],
  controllers: [SessionsController],
  providers: [SessionsService, QueueService, DecisionsService, SpeakersService],
  exports: [SessionsService, SpeakersService],
})
export class SessionsModule {}
