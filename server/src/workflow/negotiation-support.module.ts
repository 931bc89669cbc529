import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DelegationsRepository } from '../committees/delegations.repository';
import { ConsultationsRepository } from '../consultations/consultations.repository';
import { DraftsRepository } from '../drafts/drafts.repository';
import { ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { ParagraphSettlement } from '../sessions/paragraph-settlement';
import { SessionGuard } from '../sessions/session-guard';
import { SessionsRepository } from '../sessions/sessions.repository';
import { SettlementRepository } from '../sessions/settlement.repository';
import { SilenceRepository } from '../silence/silence.repository';

const SHARED = [
  AuditService,
  DraftsRepository,
  ParagraphsRepository,
  DelegationsRepository,
  SessionsRepository,
  SessionGuard,
  SettlementRepository,
  ParagraphSettlement,
  ConsultationsRepository,
  SilenceRepository,
];

/** Stateless repositories and helpers the negotiation's features share, so no feature imports another's internals. */
@Module({ providers: SHARED, exports: SHARED })
export class NegotiationSupportModule {}
