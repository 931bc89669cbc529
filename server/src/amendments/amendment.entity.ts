import type { AmendmentKind, AmendmentStatus } from '@omnibus/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('amendment')
export class AmendmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'draft_id', type: 'uuid' }) draftId: string;
  @Column({ name: 'paragraph_id', type: 'uuid' }) paragraphId: string;
  @Column({ type: 'varchar' }) kind: AmendmentKind;
  @Column({ name: 'start_offset', type: 'int' }) start: number;
  @Column({ name: 'end_offset', type: 'int' }) end: number;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'alternative_group', type: 'uuid', nullable: true }) alternativeGroup: string | null;
  @Column({ name: 'alternative_number', type: 'int', nullable: true }) alternativeNumber: number | null;
  @Column({ type: 'varchar' }) status: AmendmentStatus;
  @Column({ name: 'proposer_delegation_id', type: 'uuid' }) proposerDelegationId: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
}
