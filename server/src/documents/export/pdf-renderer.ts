import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { PageSize } from '@omnibus/shared';
import * as fs from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { AppError } from '../../common/app-error';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CHROMIUM_ARGS } from './chromium-options';
import { PAGE_SIZES } from './page-sizes';
import { PAGINATE_SCRIPT } from './paginate';

/**
 * At most `concurrency` jobs at once and `queue` more waiting in order; past that a job is refused
 * at once with 503 and a Retry-After, rather than every request slowing down together (each
 * render is a Chromium page holding tens of MB).
 */
export class RenderGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) {
        throw new AppError('unavailable', `The server is printing ${this.running} PDFs with ${this.waiting.length} more waiting; try again in a few seconds, or export DOCX or HTML now.`, {
          retryAfterSeconds: 5,
          running: this.running,
          waiting: this.waiting.length,
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await job();
    } finally {
      // The turn passes straight to the next waiter, so the count never dips and overshoots.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/**
 * PDF from the same HTML the HTML export serves, laid out into pages of the committee's size with
 * footnotes at the foot of their page (see paginate.ts) and printed by headless Chromium. One browser is
 * started on first use and kept for later exports (starting it costs far more than printing).
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('PdfRenderer');
  private browser: Promise<Browser> | null = null;
  readonly gate: RenderGate;

  /** Debian's Chromium, never a downloaded browser (CHROMIUM_PATH points elsewhere if needed). */
  private readonly chromiumPath: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.gate = new RenderGate(config.guard.pdfConcurrency, config.guard.pdfQueue);
    this.chromiumPath = config.chromium.path;
  }

  private launch(): Promise<Browser> {
    if (!fs.existsSync(this.chromiumPath)) {
      throw new AppError(
        'unavailable',
        `PDF export needs Chromium, which this server does not have at ${this.chromiumPath}. Export DOCX or HTML instead, or ask the administrator to install Debian's chromium package.`,
      );
    }
    this.browser ??= chromium.launch({ executablePath: this.chromiumPath, args: CHROMIUM_ARGS, headless: true }).then((b) => {
      b.on('disconnected', () => {
        this.browser = null;
      });
      return b;
    });
    this.browser.catch((err: unknown) => {
      this.logger.error(`Chromium failed to start: ${err instanceof Error ? err.message : String(err)}`);
      this.browser = null;
    });
    return this.browser;
  }

  /** Prints in turn with the other renders (RenderGate); refused with 503 when too many wait. */
  render(html: string, pageSize: PageSize): Promise<Buffer> {
    return this.gate.run(() => this.print(html, pageSize));
  }

  private async print(html: string, pageSize: PageSize): Promise<Buffer> {
    const browser = await this.launch().catch((err: unknown) => {
      if (err instanceof AppError) throw err;
      throw new AppError('unavailable', 'PDF export could not start Chromium on this server; export DOCX or HTML instead, and try PDF again later.', {
        reason: err instanceof Error ? err.message.slice(0, 200) : String(err),
      });
    });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
      await page.evaluate(PAGINATE_SCRIPT);
      const size = PAGE_SIZES[pageSize];
      return await page.pdf({
        ...size.paper,
        printBackground: true,
        margin: { top: '0', bottom: '0', left: '0', right: '0' },
      });
    } finally {
      await context.close();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
