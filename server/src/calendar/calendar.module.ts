import { Module } from '@nestjs/common';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

@Module({ imports: [NegotiationSupportModule], controllers: [CalendarController], providers: [CalendarService, CalendarRepository] })
export class CalendarModule {}
