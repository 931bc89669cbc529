import { Global, Module } from '@nestjs/common';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { Clock } from './clock';
import { CommentWindowService } from './comment-window.service';
import { WorkflowRepository } from './workflow.repository';

/**
 * What other features need of the workflow, available everywhere: the clock deadlines are read
 * against, the comment window's guard (called from proposals), and the room's broadcaster.
 */
@Global()
@Module({
  providers: [Clock, WorkflowRepository, CommentWindowService, LiveBroadcaster],
  exports: [Clock, WorkflowRepository, CommentWindowService, LiveBroadcaster],
})
export class WorkflowCoreModule {}
