import type { DraftView, TranslationState, TranslationSummary, UserView } from '@omnibus/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { section, seedLikeDraft } from '../../test/fixtures';
import { mockFetch, renderInRoom } from '../../test/render-room';
import { TranslationsView } from './TranslationsView';
import { ReadingProvider, type Reading } from './reading';
import { ParagraphCard } from '../draft/ParagraphCard';

const TRANSLATOR: UserView = { id: 'translator-1', username: 'translator', displayName: 'Language services', role: 'translator', delegation: null };

function state(unitId: string, extra: Partial<TranslationState>): TranslationState {
  return {
    unitKind: 'paragraph',
    unitId,
    lang: 'es',
    status: 'current',
    basedOn: 1,
    originalRevision: 1,
    text: null,
    original: { text: '' },
    updatedBy: null,
    updatedAt: null,
    ...extra,
  };
}

/** The CICTE 9 original was amended after the Spanish translation of revision 1 was made. */
function fixture(): { draft: DraftView; spanish: DraftView; summary: TranslationSummary } {
  const draft: DraftView = { ...seedLikeDraft(), languages: { original: 'en', official: ['en', 'es', 'fr', 'pt'] }, lang: 'en' };
  const cicte = section(draft, 'CICTE');
  const nine = cicte.paragraphs.find((p) => p.label === '9')!;
  const eight = cicte.paragraphs.find((p) => p.label === '8')!;
  const spanish = structuredClone(draft);
  spanish.lang = 'es';
  for (const s of spanish.sections) {
    for (const p of s.paragraphs) {
      p.translation = state(p.id, { status: 'current', text: `Traducción de ${p.label}.`, original: { text: p.compiled } });
    }
  }
  const sp = section(spanish, 'CICTE');
  sp.paragraphs.find((p) => p.id === nine.id)!.translation = state(nine.id, {
    status: 'outdated',
    basedOn: 1,
    originalRevision: 2,
    text: 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el primer semestre de 2022.',
    original: { text: nine.compiled },
    redline: [
      { op: 'equal', text: 'To convene the twenty-second regular session of CICTE in the ' },
      { op: 'delete', text: 'first half' },
      { op: 'insert', text: 'second half' },
      { op: 'equal', text: ' of 2022' },
    ],
    updatedBy: 'Language services',
    updatedAt: '2026-12-06T15:00:00Z',
  });
  sp.paragraphs.find((p) => p.id === eight.id)!.translation = state(eight.id, { status: 'missing', basedOn: null, text: null, original: { text: eight.compiled } });
  const summary: TranslationSummary = {
    draftId: draft.id,
    original: 'en',
    official: ['en', 'es', 'fr', 'pt'],
    units: { paragraphs: 12, amendments: 0 },
    languages: [
      { lang: 'es', current: 10, outdated: 1, missing: 1, total: 12 },
      { lang: 'fr', current: 0, outdated: 0, missing: 12, total: 12 },
      { lang: 'pt', current: 0, outdated: 0, missing: 12, total: 12 },
    ],
  };
  return { draft, spanish, summary };
}

describe("the translator's screen", () => {
  it('shows the summary per language and the outdated unit with the redline of the original', async () => {
    const { draft, spanish, summary } = fixture();
    await act(async () => {
      await i18n.changeLanguage('es');
    });
    const requests = mockFetch((req) => (req.url.endsWith('/translations/summary') ? { status: 200, body: summary } : { status: 200, body: spanish }));
    renderInRoom(<TranslationsView />, { user: TRANSLATOR, draft });
    await screen.findByText('Estado de las traducciones por idioma');
    expect(requests.map((r) => r.url)).toContain(`/api/drafts/${draft.id}?lang=es`);
    const spanishRow = document.querySelector('[data-summary-lang="es"]')!;
    expect(spanishRow.querySelector('[data-count="outdated"]')!.textContent).toBe('1');
    expect(spanishRow.querySelector('[data-count="missing"]')!.textContent).toBe('1');
    expect(within(spanishRow as HTMLElement).getByText('español')).toBeTruthy();

    // Only the units that need work: CICTE 8 (missing) and CICTE 9 (outdated).
    const units = document.querySelectorAll('article.translation-unit');
    expect([...units].map((u) => u.getAttribute('data-translation-status'))).toEqual(['missing', 'outdated']);
    const outdated = units[1] as HTMLElement;
    expect(within(outdated).getByText('CICTE, párrafo 9')).toBeTruthy();
    expect(within(outdated).getByText('desactualizada')).toBeTruthy();
    const redline = outdated.querySelector('[data-redline="outdated"]')!;
    expect(redline.textContent).toContain('revisión 1 → 2');
    expect(redline.querySelector('del')!.textContent).toBe('first half');
    expect(redline.querySelector('ins')!.textContent).toBe('second half');
    expect((within(outdated).getByLabelText('Traducción (español)') as HTMLTextAreaElement).value).toMatch(/^Convocar el vigésimo segundo/);
  });

  it('saves against the revision the translator worked from, and keeps the words when the original moved on', async () => {
    const { draft, spanish, summary } = fixture();
    const nine = section(draft, 'CICTE').paragraphs.find((p) => p.label === '9')!;
    const requests = mockFetch((req) => {
      if (req.method === 'PUT') {
        return {
          status: 409,
          body: {
            error: 'stale_translation',
            message: 'The original of paragraph 9 changed since revision 2.',
            details: { unitKind: 'paragraph', unitId: nine.id, lang: 'es', basedOn: 2, originalRevision: 3, redline: [{ op: 'insert', text: 'and 2023' }] },
          },
        };
      }
      return req.url.endsWith('/translations/summary') ? { status: 200, body: summary } : { status: 200, body: spanish };
    });
    renderInRoom(<TranslationsView />, { user: TRANSLATOR, draft });
    await act(async () => {
      await i18n.changeLanguage('es');
    });
    const unit = (await screen.findByText('CICTE, párrafo 9')).closest('article')!;
    const box = within(unit).getByLabelText('Traducción (español)') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el segundo semestre de 2022.' } });
    fireEvent.click(within(unit).getByRole('button', { name: 'Guardar traducción' }));
    await waitFor(() => expect(within(unit).getByRole('alert').textContent).toBe('El original cambió desde que se inició esta traducción. Revise los cambios y vuelva a guardar.'));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.url).toBe(`/api/paragraphs/${nine.id}/translations/es`);
    expect(put.body).toEqual({ text: 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el segundo semestre de 2022.', basedOn: 2 });
    expect(unit.querySelector('[data-redline="stale"] ins')!.textContent).toBe('and 2023');
    expect(box.value).toMatch(/segundo semestre/);
  });
});

describe('reading the draft in another language', () => {
  it('shows the translation where there is one, and the original with a note where it is missing', async () => {
    const { draft, spanish } = fixture();
    const cicte = section(draft, 'CICTE');
    const spanishCicte = section(spanish, 'CICTE');
    const reading: Reading = { lang: 'es', original: 'en', paragraphs: new Map(spanishCicte.paragraphs.map((p) => [p.id, p.translation!])) };
    const one = cicte.paragraphs[0]!;
    const eight = cicte.paragraphs.find((p) => p.label === '8')!;
    renderInRoom(
      <ReadingProvider value={reading}>
        <ParagraphCard section={cicte} p={one} />
        <ParagraphCard section={cicte} p={eight} />
      </ReadingProvider>,
      { user: TRANSLATOR, draft },
    );
    expect(screen.getByText('Traducción de 1.').closest('[lang]')!.getAttribute('lang')).toBe('es');
    expect(screen.getByText('CICTE paragraph 8.').closest('[lang]')!.getAttribute('lang')).toBe('en');
    expect(screen.getByText('Not yet translated into Spanish: shown in the original.')).toBeTruthy();
  });
});
