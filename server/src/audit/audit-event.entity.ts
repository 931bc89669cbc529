import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'committee_id', type: 'uuid', nullable: true }) committeeId: string | null;
  @Column({ name: 'draft_id', type: 'uuid', nullable: true }) draftId: string | null;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ name: 'actor_username', type: 'varchar', nullable: true }) actorUsername: string | null;
  @Column({ name: 'actor_role', type: 'varchar', nullable: true }) actorRole: string | null;
  @Column({ name: 'actor_delegation', type: 'varchar', nullable: true }) actorDelegation: string | null;
  @Column() action: string;
  @Column({ name: 'target_type' }) targetType: string;
  @Column({ name: 'target_id', type: 'varchar', nullable: true }) targetId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: unknown;
  @Column({ type: 'jsonb', nullable: true }) after: unknown;
}
