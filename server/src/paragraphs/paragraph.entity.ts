import type { Literal, ParagraphKind, ParagraphOrigin, ParagraphStatus } from '@omnibus/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('paragraph')
export class ParagraphEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'draft_id', type: 'uuid' }) draftId: string;
  @Column({ name: 'section_id', type: 'uuid' }) sectionId: string;
  @Column({ type: 'varchar' }) kind: ParagraphKind;
  @Column() label: string;
  @Column({ type: 'varchar' }) origin: ParagraphOrigin;
  @Column({ type: 'varchar' }) status: ParagraphStatus;
  /** The text; for a mandates paragraph, its chapeau. */
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'jsonb', nullable: true }) literals: Literal[] | null;
  @Column({ name: 'proposer_delegation_id', type: 'uuid', nullable: true }) proposerDelegationId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
}
