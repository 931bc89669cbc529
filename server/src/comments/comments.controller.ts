import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { createCommentRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { CommentsService } from './comments.service';

@Controller('api/paragraphs')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** The paragraph's threads: top-level comments with their replies nested. */
  @Get(':id/comments')
  thread(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.comments.thread(actor, uuidParam(id, 'paragraph'));
  }

  @Post(':id/comments')
  create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.comments.create(actor, uuidParam(id, 'paragraph'), validate(createCommentRequest, body));
  }
}
