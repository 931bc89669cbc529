import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { EXPORT_KINDS, ExportKind, exportQuery, redlineExportQuery } from '@omnibus/shared';
import type { Response } from 'express';
import { CurrentActor } from '../../auth/auth.guard';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { uuidParam, validate } from '../../common/validate';
import { contentDisposition } from './export-formats';
import { ExportFile, ExportsService } from './exports.service';

function kindOf(kind: string): ExportKind {
  const found = EXPORT_KINDS.find((k) => k === kind);
  if (!found) throw new AppError('not_found', `There is no "${kind.slice(0, 40)}" export: choose consensus, compilation or redline.`);
  return found;
}

@Controller('api/drafts')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** GET /api/drafts/:id/export/consensus?format=docx — the file streams with its type and name. */
  @Get(':id/export/:kind')
  async export(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const draftId = uuidParam(id, 'draft');
    const k = kindOf(kind);
    const file =
      k === 'redline'
        ? await this.exports.redline(actor, draftId, validate(redlineExportQuery, query, 'query string'))
        : await this.exports.document(actor, draftId, k, validate(exportQuery, query, 'query string'));
    return stream(file, res);
  }
}

function stream(file: ExportFile, res: Response): StreamableFile {
  res.setHeader('Server-Timing', `render;dur=${file.renderMs.toFixed(1)}`);
  // A downloaded HTML export must never be sniffed into something the browser runs.
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(file.body, { type: file.contentType, disposition: contentDisposition(file.fileName), length: file.body.length });
}
