import type { SectionKind } from '@omnibus/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('section')
export class SectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'draft_id', type: 'uuid' }) draftId: string;
  @Column({ type: 'varchar' }) kind: SectionKind;
  @Column() key: string;
  @Column() title: string;
  @Column({ name: 'topic_id', type: 'uuid', nullable: true }) topicId: string | null;
  @Column({ name: 'entity_id', type: 'uuid', nullable: true }) entityId: string | null;
  @Column({ type: 'int' }) position: number;
}
