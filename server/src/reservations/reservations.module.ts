import { Module } from '@nestjs/common';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { ReservationsController } from './reservations.controller';
import { ReservationsRepository } from './reservations.repository';
import { ReservationsService } from './reservations.service';

@Module({ imports: [NegotiationSupportModule], controllers: [ReservationsController], providers: [ReservationsService, ReservationsRepository] })
export class ReservationsModule {}
