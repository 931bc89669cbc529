import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../../api/documents';
import { seedLikeDraft, section } from '../../test/fixtures';
import { renderInRoom } from '../../test/render-room';
import { i18n } from '../../i18n';
import { ImportForm } from './ImportForm';

const t = i18n.getFixedT('en', 'documents');

const SECRETARIAT = { id: '00000000-0000-4000-8000-00000000000a', username: 'secretariat', displayName: 'Secretariat', role: 'secretariat' as const, delegation: null };

const TEXT = ['AG/RES. 2809 (XLIII-O/13)', 'THE GENERAL ASSEMBLY,', 'RECALLING its resolutions;', 'RESOLVES:', '1. To act.'].join('\n');

/** What the server answers for TEXT before the operative part has a section (shape of ImportsService.preview). */
function answer(sectionId: string | null): ImportPreview {
  return {
    title: null,
    symbol: 'AG/RES. 2809 (XLIII-O/13)',
    view: null,
    source: 'chair_draft',
    headings: [
      { heading: 'THE GENERAL ASSEMBLY,', sectionId: 'pre', sectionKey: 'preamble', sectionTitle: 'Preamble', paragraphs: 1 },
      { heading: 'RESOLVES:', sectionId, sectionKey: sectionId === null ? null : 'cybersecurity', sectionTitle: null, paragraphs: 1 },
    ],
    paragraphs: [
      { index: 0, heading: 'THE GENERAL ASSEMBLY,', sectionId: 'pre', kind: 'preambular', origin: 'chair', state: 'new', status: 'pending', literals: null, reservations: [], cap: null, sectionKey: 'preamble', sourceLabel: null, label: '1', text: 'RECALLING its resolutions;', sponsors: [], amendments: [], fits: true, errors: [], warnings: [] },
      { index: 1, heading: 'RESOLVES:', sectionId, kind: null, origin: 'chair', state: 'new', status: 'pending', literals: null, reservations: [], cap: null, sectionKey: null, sourceLabel: '1', label: null, text: 'To act.', sponsors: [], amendments: [], fits: true, errors: sectionId === null ? ['The operative part ("RESOLVES:") goes to a section you choose: choose its section'] : [], warnings: [] },
    ],
    problems: [],
    footnotes: [],
    formula: 'THE GENERAL ASSEMBLY,',
    resolvingFormula: 'RESOLVES:',
    adoption: null,
    metadata: [{ line: 1, kind: 'symbol', text: 'AG/RES. 2809 (XLIII-O/13)' }],
    lines: [
      { line: 1, role: 'metadata', text: 'AG/RES. 2809 (XLIII-O/13)' },
      { line: 2, role: 'formula', text: 'THE GENERAL ASSEMBLY,' },
      { line: 3, role: 'paragraph', text: 'RECALLING its resolutions;' },
      { line: 4, role: 'formula', text: 'RESOLVES:' },
      { line: 5, role: 'paragraph', text: '1. To act.' },
    ],
    lineCounts: { paragraph: 2, literal: 0, heading: 0, formula: 2, metadata: 1, note: 0, problem: 0 },
    words: { source: 16, stored: 6, listed: 10, unaccounted: 0, unaccountedSample: [] },
    caps: [],
    summary: { paragraphs: 2, amendments: 0, errors: sectionId === null ? 1 : 0, overCap: 0, unmatchedHeadings: sectionId === null ? 1 : 0 },
    verdict: sectionId === null ? { ready: false, message: '1 paragraph cannot be imported as written' } : { ready: true, message: 'Ready: 2 paragraphs and 0 proposals in brackets will be created.' },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('ImportForm', () => {
  it('shows the word share, the document facts and every listed line, and previews again once the operative part has a section', async () => {
    const draft = seedLikeDraft();
    const topic = section(draft, 'terrorism-convention');
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      const chosen = new URL(url, 'http://x').searchParams.get('sections');
      return new Response(JSON.stringify(answer(chosen ? 'cyb' : null)), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    renderInRoom(<ImportForm />, { user: SECRETARIAT, draft });
    fireEvent.change(screen.getByLabelText(t('paste')), { target: { value: TEXT } });
    fireEvent.click(screen.getByRole('radio', { name: t('chairDraft') }));
    fireEvent.click(screen.getByRole('button', { name: t('previewImport') }));

    expect((await screen.findByRole('status')).textContent).toBe('1 paragraph cannot be imported as written');
    expect(screen.getByText(/6 of the source's 16 words \(37\.5 %\) will be stored in the draft\. The other 10 are on the lines listed below/)).toBeTruthy();
    expect(screen.getByText('Lines: 2 paragraph, 2 formula, 1 metadata.')).toBeTruthy();
    const listed = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(listed).toEqual(['Line 1 · metadata: AG/RES. 2809 (XLIII-O/13)', 'Line 2 · formula: THE GENERAL ASSEMBLY,', 'Line 4 · formula: RESOLVES:']);
    expect(screen.getByText('Resolving formula').nextSibling?.textContent).toBe('RESOLVES:');
    expect((screen.getByRole('button', { name: t('importN', { count: 2 }) }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText(t('preview.sections.forHeading', { heading: 'RESOLVES:' })), { target: { value: topic.id } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Ready: 2 paragraphs/));
    expect(decodeURIComponent(urls.at(-1)!)).toContain(`sections=[{"heading":"RESOLVES:","sectionId":"${topic.id}"}]`);
    expect((screen.getByRole('button', { name: t('importN', { count: 2 }) }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says which words would be lost when the server finds any', async () => {
    const draft = seedLikeDraft();
    vi.stubGlobal('fetch', async () =>
      new Response(JSON.stringify({ ...answer(null), words: { source: 16, stored: 5, listed: 10, unaccounted: 1, unaccountedSample: ['act'] } }), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    renderInRoom(<ImportForm />, { user: SECRETARIAT, draft });
    fireEvent.change(screen.getByLabelText(t('paste')), { target: { value: TEXT } });
    fireEvent.click(screen.getByRole('button', { name: t('previewImport') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('preview.words.lost', { count: 1, lost: '1', sample: 'act' }));
  });
});
