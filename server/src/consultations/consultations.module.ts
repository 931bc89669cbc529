import { Module } from '@nestjs/common';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';

@Module({ imports: [NegotiationSupportModule], controllers: [ConsultationsController], providers: [ConsultationsService] })
export class ConsultationsModule {}
