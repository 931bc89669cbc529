import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('topic')
export class TopicEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'committee_id', type: 'uuid' }) committeeId: string;
  @Column({ name: 'area_id', type: 'uuid' }) areaId: string;
  @Column() key: string;
  @Column() title: string;
  @Column({ type: 'int' }) position: number;
}
