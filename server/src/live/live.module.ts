import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { LiveGateway } from './live.gateway';

@Module({ imports: [NegotiationSupportModule, WorkflowModule, SessionsModule], providers: [LiveGateway] })
export class LiveModule {}
