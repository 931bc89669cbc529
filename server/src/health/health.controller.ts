import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.guard';
import { AppError } from '../common/app-error';

@Controller('api/health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Public()
  @Get()
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new AppError('unavailable', 'The database is not reachable.');
    }
    return { status: 'ok' };
  }
}
