import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('thematic_area')
export class ThematicAreaEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'committee_id', type: 'uuid' }) committeeId: string;
  @Column({ type: 'int' }) number: number;
  @Column() title: string;
}
