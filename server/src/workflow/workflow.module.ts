import { Module } from '@nestjs/common';
import { NegotiationSupportModule } from './negotiation-support.module';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

@Module({ imports: [NegotiationSupportModule], controllers: [WorkflowController], providers: [WorkflowService], exports: [WorkflowService] })
export class WorkflowModule {}
