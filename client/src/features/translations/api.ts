import type { LanguageCode, PutTranslationRequest, TranslationUnitKind } from '@omnibus/shared';
import { call } from '../../api/http';

export const translationsApi = {
  /** The draft with every unit's text in `lang` where translated, and each unit's translation status. */
  draftIn: (draftId: string, lang: LanguageCode) => call('draft', { params: { id: draftId }, query: { lang } }),
  put: (kind: TranslationUnitKind, unitId: string, lang: LanguageCode, body: PutTranslationRequest) =>
    call(kind === 'paragraph' ? 'putParagraphTranslation' : 'putAmendmentTranslation', { params: { id: unitId, lang }, body }),
  summary: (draftId: string) => call('translationSummary', { params: { id: draftId } }),
};
