import { Module } from '@nestjs/common';
import { NegotiationSupportModule } from '../workflow/negotiation-support.module';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

@Module({ imports: [NegotiationSupportModule], controllers: [CommentsController], providers: [CommentsService, CommentsRepository] })
export class CommentsModule {}
