import type { CapsConfig } from '@omnibus/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('draft')
export class DraftEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'committee_id', type: 'uuid' }) committeeId: string;
  @Column() title: string;
  @Column() symbol: string;
  @Column({ type: 'jsonb' }) caps: CapsConfig;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
