import type { PageSize } from '@omnibus/shared';

export interface PageDimensions {
  /** The CSS @page size. */
  css: string;
  /** The paper as Chromium's print takes it. */
  paper: { width: string; height: string };
  /** Inches. */
  width: number;
  height: number;
  margin: { top: number; bottom: number; side: number };
  /** Word's twips (1/1440 inch). */
  twips: { width: number; height: number };
}

/** US Letter for documents issued in Washington (the OAS's own size), A4 for committees elsewhere; margins of one inch. */
export const PAGE_SIZES: Record<PageSize, PageDimensions> = {
  letter: { css: 'letter', paper: { width: '8.5in', height: '11in' }, width: 8.5, height: 11, margin: { top: 1, bottom: 1, side: 1 }, twips: { width: 12240, height: 15840 } },
  a4: { css: 'A4', paper: { width: '210mm', height: '297mm' }, width: 8.27, height: 11.69, margin: { top: 1, bottom: 1, side: 1 }, twips: { width: 11906, height: 16838 } },
};
