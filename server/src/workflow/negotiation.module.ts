import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CommentsModule } from '../comments/comments.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { LiveModule } from '../live/live.module';
import { ReservationsModule } from '../reservations/reservations.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SilenceModule } from '../silence/silence.module';
import { VersionsModule } from '../versions/versions.module';
import { WorkflowCoreModule } from './workflow-core.module';
import { WorkflowModule } from './workflow.module';

/**
 * The negotiation as the work plan runs it (issue 5): phases and the comment window, versions and
 * redlines, comments, the calendar, approval sessions, informal consultations, reservations, the
 * silence procedure, and the live room on socket.io namespace /live.
 */
@Module({
  imports: [
    WorkflowCoreModule,
    WorkflowModule,
    SilenceModule,
    VersionsModule,
    SessionsModule,
    ConsultationsModule,
    ReservationsModule,
    CommentsModule,
    CalendarModule,
    LiveModule,
  ],
})
export class NegotiationModule {}
