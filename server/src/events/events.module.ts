import { Global, Module } from '@nestjs/common';
import { DraftEvents } from './draft-events';

@Global()
@Module({ providers: [DraftEvents], exports: [DraftEvents] })
export class EventsModule {}
