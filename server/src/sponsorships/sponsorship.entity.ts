import type { SponsorshipStatus } from '@omnibus/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A delegation's sponsorship of a proposal: the proposer's is accepted at once, a co-sponsor's is an invitation until its own delegation accepts. */
@Entity('sponsorship')
export class SponsorshipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'draft_id', type: 'uuid' }) draftId: string;
  @Column({ name: 'paragraph_id', type: 'uuid', nullable: true }) paragraphId: string | null;
  @Column({ name: 'amendment_id', type: 'uuid', nullable: true }) amendmentId: string | null;
  @Column({ name: 'delegation_id', type: 'uuid' }) delegationId: string;
  @Column({ type: 'varchar' }) status: SponsorshipStatus;
  @Column({ type: 'int' }) position: number;
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy: string | null;
  @Column({ name: 'responded_by', type: 'uuid', nullable: true }) respondedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt: Date | null;
}
