import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { commentWindowRequest, setPhaseRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { WorkflowService } from './workflow.service';

@Controller('api/drafts')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  /** The draft's phase and comment window, the deadline shown in the committee's time zone. */
  @Get(':id/workflow')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.workflow.get(actor, uuidParam(id, 'draft'));
  }

  @Post(':id/workflow/phase')
  @HttpCode(200)
  setPhase(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    const { phase, commentDeadline } = validate(setPhaseRequest, body);
    return this.workflow.setPhase(actor, uuidParam(id, 'draft'), phase, commentDeadline);
  }

  /** Extends the window while it is open, reopens it during the revision, or plans it while drafting. */
  @Post(':id/comment-window')
  @HttpCode(200)
  commentWindow(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.workflow.setCommentWindow(actor, uuidParam(id, 'draft'), validate(commentWindowRequest, body).deadline);
  }
}
