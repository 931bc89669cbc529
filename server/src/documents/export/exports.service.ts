import { Injectable } from '@nestjs/common';
import {
  DocModel,
  DraftView,
  ExportFormat,
  PageSize,
  ExportQuery,
  RedlineExportQuery,
  RedlineSide,
  buildCompilationModel,
  buildConsensusModel,
  isDocumentLanguage,
  redlineDrafts,
} from '@omnibus/shared';
import { canRead, requireAccess } from '../../access/access.policy';
import type { Actor } from '../../auth/actor';
import { AppError, notFound } from '../../common/app-error';
import { buildDraftView } from '../../drafts/draft-view.builder';
import { DraftRow, DraftsRepository } from '../../drafts/drafts.repository';
import { TranslationsService } from '../../translations/translations.service';
import { FORMATS } from './export-formats';
import { ExportsRepository } from './exports.repository';
import { fileStem } from './layout';
import { PdfRenderer } from './pdf-renderer';
import { renderAkn } from './render-akn';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import { redlineDocument, renderRedlineHtml, renderRedlineMarkdown, renderRedlineText } from './redline-document';
import { renderRedlineDocx } from './redline-docx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  /** Time spent building and rendering the document, reported in Server-Timing. */
  renderMs: number;
}

export const LIVE = 'live';

/** The consensus draft, the compilation text and redlines, in every format and language, for whoever may read them; dated by the draft, not the download. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly exports: ExportsRepository,
    private readonly pdf: PdfRenderer,
    private readonly translations: TranslationsService,
  ) {}

  async document(actor: Actor, draftId: string, kind: 'consensus' | 'compilation', q: ExportQuery): Promise<ExportFile> {
    const draft = await this.readable(actor, draftId, q.version !== undefined);
    const [side, view] = await this.side(draft, q.version ?? LIVE);
    const date = q.date ?? side.date;
    const { pageSize } = await this.exports.printing(draft.committeeId);
    const started = performance.now();
    const { original } = await this.translations.languages(draftId);
    // The document's frame exists in the OAS's four languages; a draft negotiated in another is framed in English.
    const options = { date, ...(isDocumentLanguage(original) ? { original } : {}), ...(q.lang === undefined ? {} : { lang: q.lang }) };
    const built = kind === 'consensus' ? buildConsensusModel(view, options) : buildCompilationModel(view, options);
    const model = await this.translations.translateExport(actor, draftId, view, built, { kind, lang: q.lang, allowIncomplete: q.allowIncomplete });
    const body = await this.render(model, q.format, pageSize);
    const name = `${fileStem(view.symbol)}-${kind}-${date}.${FORMATS[q.format].extension}`;
    return { fileName: name, contentType: FORMATS[q.format].contentType, body, renderMs: performance.now() - started };
  }

  async redline(actor: Actor, draftId: string, q: RedlineExportQuery): Promise<ExportFile> {
    const draft = await this.readable(actor, draftId, q.from !== LIVE && q.to !== LIVE);
    if (q.format === 'akn') {
      throw new AppError(
        'validation_failed',
        'Akoma Ntoso describes a resolution, and a redline is not one: export the redline as DOCX, PDF, HTML, Markdown or plain text, or export the consensus draft or compilation text as Akoma Ntoso.',
        { issues: [{ path: 'format', message: 'akn is offered for the consensus draft and the compilation text' }] },
      );
    }
    const [fromSide, fromView] = await this.side(draft, q.from);
    const [toSide, toView] = await this.side(draft, q.to);
    const date = q.date ?? toSide.date;
    const { pageSize } = await this.exports.printing(draft.committeeId);
    const started = performance.now();
    const doc = redlineDocument(redlineDrafts(fromSide, fromView, toSide, toView), [fromView, toView], date);
    let body: Buffer;
    switch (q.format) {
      case 'docx':
        body = await renderRedlineDocx(doc);
        break;
      case 'pdf':
        body = await this.pdf.render(renderRedlineHtml(doc, pageSize), pageSize);
        break;
      case 'html':
        body = Buffer.from(renderRedlineHtml(doc, pageSize));
        break;
      case 'md':
        body = Buffer.from(renderRedlineMarkdown(doc));
        break;
      case 'txt':
        body = Buffer.from(renderRedlineText(doc));
        break;
    }
    const slug = (s: RedlineSide) => fileStem(s.id === LIVE ? 'live' : s.name).toLowerCase();
    const name = `${fileStem(doc.symbol)}-redline-${slug(fromSide)}-to-${slug(toSide)}-${date}.${FORMATS[q.format].extension}`;
    return { fileName: name, contentType: FORMATS[q.format].contentType, body, renderMs: performance.now() - started };
  }

  private async render(model: DocModel, format: ExportFormat, pageSize: PageSize): Promise<Buffer> {
    switch (format) {
      case 'docx':
        return renderDocx(model, pageSize);
      case 'pdf':
        return this.pdf.render(renderHtml(model, pageSize), pageSize);
      case 'html':
        return Buffer.from(renderHtml(model, pageSize));
      case 'md':
        return Buffer.from(renderMarkdown(model));
      case 'akn':
        return Buffer.from(renderAkn(model));
      case 'txt':
        return Buffer.from(renderText(model));
    }
  }

  private async readable(actor: Actor, draftId: string, published: boolean): Promise<DraftRow> {
    const draft = await this.drafts.find(draftId);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    requireAccess(actor, { action: 'draft.export', committeeId: draft.committeeId, published });
    return draft;
  }

  private async live(draftId: string): Promise<DraftView> {
    const contents = await this.drafts.contents(draftId);
    if (!contents) throw notFound('draft', draftId);
    return buildDraftView(contents);
  }

  /** A published version as it was distributed (its own symbol, e.g. "… rev. 1"), or the live draft. */
  private async side(draft: DraftRow, ref: string): Promise<[RedlineSide & { date: string }, DraftView]> {
    if (ref === LIVE) return [{ id: LIVE, name: 'Live draft', symbol: draft.symbol, date: await this.exports.draftDate(draft.id) }, await this.live(draft.id)];
    const version = await this.exports.version(draft.id, ref);
    if (!version) throw notFound('published version of this draft', ref);
    return [{ id: version.id, name: version.name, symbol: version.symbol, date: version.date }, { ...version.snapshot, symbol: version.symbol }];
  }
}
