import type { DraftView, LanguageCode, PutTranslationRequest, TranslationState, TranslationSummary, TranslationUnitKind } from '@omnibus/shared';
import { request } from '../../api/http';

const enc = encodeURIComponent;

export const translationsApi = {
  /** The draft with every unit's text in `lang` where translated, and each unit's translation status. */
  draftIn: (draftId: string, lang: LanguageCode) => request<DraftView>('GET', `/api/drafts/${enc(draftId)}?lang=${enc(lang)}`),
  put: (kind: TranslationUnitKind, unitId: string, lang: LanguageCode, body: PutTranslationRequest) =>
    request<TranslationState>('PUT', `/api/${kind === 'paragraph' ? 'paragraphs' : 'amendments'}/${enc(unitId)}/translations/${enc(lang)}`, body),
  summary: (draftId: string) => request<TranslationSummary>('GET', `/api/drafts/${enc(draftId)}/translations/summary`),
};
