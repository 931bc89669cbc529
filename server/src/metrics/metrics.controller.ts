import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/auth.guard';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MetricsRegistry } from './metrics.registry';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Headers a reverse proxy adds: a request carrying one was relayed, whatever address it arrives from. */
const RELAY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via'];

/** Asked on this machine itself: from loopback, and not relayed there by a proxy on this machine. */
function fromThisMachine(req: Request): boolean {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return false;
  return RELAY_HEADERS.every((h) => req.headers[h] === undefined);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Prometheus scrape target. With METRICS_TOKEN set it wants that token as a bearer; without it,
 * only this machine may read it (a deployment's figures are not for the committee's delegates) —
 * asked directly, not through a reverse proxy on the same machine, which would relay anyone.
 */
@ApiExcludeController()
@Controller('api/metrics')
export class MetricsController {
  private readonly token: string | null;

  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.token = config.metricsToken;
  }

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  async scrape(@Req() req: Request): Promise<string> {
    if (this.token !== null) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, this.token)) throw new AppError('unauthorized', 'Send the metrics token (METRICS_TOKEN) as "Authorization: Bearer …".');
    } else if (!fromThisMachine(req)) {
      throw new AppError('forbidden', 'Metrics are served to this machine only; set METRICS_TOKEN to scrape them from elsewhere.');
    }
    return await this.metrics.render();
  }
}
