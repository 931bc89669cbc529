import { AmendmentEntity } from '../amendments/amendment.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { CommitteeEntity } from '../committees/committee.entity';
import { DelegationEntity } from '../committees/delegation.entity';
import { InterAmericanEntityEntity } from '../committees/inter-american-entity.entity';
import { ThematicAreaEntity } from '../committees/thematic-area.entity';
import { TopicEntity } from '../committees/topic.entity';
import { DraftEntity } from '../drafts/draft.entity';
import { SectionEntity } from '../drafts/section.entity';
import { ParagraphEntity } from '../paragraphs/paragraph.entity';
import { SponsorshipEntity } from '../sponsorships/sponsorship.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [
  CommitteeEntity,
  DelegationEntity,
  ThematicAreaEntity,
  TopicEntity,
  InterAmericanEntityEntity,
  UserEntity,
  DraftEntity,
  SectionEntity,
  ParagraphEntity,
  AmendmentEntity,
  SponsorshipEntity,
  AuditEventEntity,
];
