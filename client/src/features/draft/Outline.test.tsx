import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { MEX, seedLikeDraft } from '../../test/fixtures';
import { renderInRoom } from '../../test/render-room';
import { ReadingProvider } from '../translations/reading';
import { Outline } from './Outline';
import { SectionBlock } from './SectionBlock';

describe("the committee's names in the room's languages", () => {
  it('shows the topics, areas and entities of the outline in the interface language', async () => {
    const draft = seedLikeDraft();
    renderInRoom(<Outline draft={draft} shownBySection={new Map()} />, { user: MEX, draft });
    const outline = screen.getByRole('navigation', { name: 'Outline of the draft' });
    expect(within(outline).getByText('Inter-American Convention against Terrorism')).toBeTruthy();
    expect(within(outline).getByRole('heading', { name: 'Inter-American Instruments and Institutions' })).toBeTruthy();
    await act(async () => {
      await i18n.changeLanguage('es');
    });
    const es = screen.getByRole('navigation', { name: 'Índice del proyecto' });
    expect(within(es).getByText('Convención Interamericana contra el Terrorismo')).toBeTruthy();
    expect(within(es).queryByText('Inter-American Convention against Terrorism')).toBeNull();
    expect(within(es).getByRole('heading', { name: 'Instrumentos e instituciones interamericanos' })).toBeTruthy();
    expect(within(es).getByRole('link', { name: /CICTE/ }).getAttribute('title')).toBe('Comité Interamericano contra el Terrorismo');
  });

  it('follows the reading language when a translation is read, and keeps the server title for a key it does not know', () => {
    const draft = seedLikeDraft();
    const topic = draft.sections.find((s) => s.kind === 'topic')!;
    const own = { ...topic, id: 'own', key: 'a-topic-of-its-own', title: 'A topic of its own', area: 'An area of its own' };
    const iadb = { ...draft.sections.find((s) => s.key === 'CICTE')!, id: 'iadb', key: 'IADB', title: 'Inter-American Defense Board', paragraphs: [] };
    const shown = { ...draft, sections: [...draft.sections, own, iadb] };
    renderInRoom(
      <ReadingProvider value={{ lang: 'es', original: 'en', paragraphs: new Map() }}>
        <Outline draft={shown} shownBySection={new Map()} />
        <SectionBlock section={iadb} paragraphs={[]} filtered={false} caps={shown.caps} />
      </ReadingProvider>,
      { user: MEX, draft: shown },
    );
    const outline = screen.getByRole('navigation', { name: 'Outline of the draft' });
    expect(within(outline).getByText('Convención Interamericana contra el Terrorismo')).toBeTruthy();
    expect(within(outline).getByText('A topic of its own')).toBeTruthy();
    expect(within(outline).getByRole('heading', { name: 'An area of its own' })).toBeTruthy();
    expect(within(outline).getByText('JID')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'JID: Junta Interamericana de Defensa' })).toBeTruthy();
  });
});
