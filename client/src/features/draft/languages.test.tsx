import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageMenu, i18n } from '../../i18n';
import { MEX, grantEverywhere, paragraph, section, seedLikeDraft } from '../../test/fixtures';
import { renderInRoom } from '../../test/render-room';
import { DraftDocument } from './DraftDocument';
import { NO_FILTERS, matches } from './permissions';

describe('the draft in the person language', () => {
  it('changes its words when the language is switched, with plurals and local numbers', async () => {
    const draft = seedLikeDraft();
    renderInRoom(<DraftDocument aside={null} />, { user: MEX, draft });
    expect(screen.getByRole('search', { name: 'Filter paragraphs' })).toBeTruthy();
    expect(screen.getByText("Only MEX's proposals")).toBeTruthy();
    await act(async () => {
      await i18n.changeLanguage('es');
    });
    expect(screen.queryByText("Only MEX's proposals")).toBeNull();
    expect(screen.getByRole('search', { name: 'Filtrar párrafos' })).toBeTruthy();
    expect(screen.getByText('Solo propuestas de MEX')).toBeTruthy();
    expect(screen.getByPlaceholderText('Buscar palabras…')).toBeTruthy();
    expect(screen.getAllByText('consenso').length).toBeGreaterThan(0);
    await act(async () => {
      await i18n.changeLanguage('pt');
    });
    expect(screen.getByText('Só propostas de MEX')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Índice do projeto' })).toBeTruthy();
  });

  it('switches through the language menu, remembers the choice and marks the page language', async () => {
    renderInRoom(
      <>
        <LanguageMenu />
        <DraftDocument aside={null} />
      </>,
      // A delegate may amend every open paragraph here, as the server would say.
      { user: MEX, draft: grantEverywhere(seedLikeDraft(), { amend: true }) },
    );
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language of the interface'), { target: { value: 'fr' } });
    });
    expect(await screen.findByText('Seulement les propositions de MEX')).toBeTruthy();
    expect(screen.getByLabelText('Langue de l’interface')).toBeTruthy();
    expect(localStorage.getItem('omnibus.language')).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getAllByRole('button', { name: 'Proposer un amendement' }).length).toBeGreaterThan(0);
  });

  it('finds words whatever their accents and case, in the draft on screen', async () => {
    const draft = seedLikeDraft();
    const cicte = section(draft, 'CICTE');
    cicte.paragraphs.push(paragraph(cicte, '12', 'Solicitar a la Secretaría General que informe sobre la aplicación.'));
    renderInRoom(<DraftDocument aside={null} />, { user: MEX, draft });
    await act(async () => {
      await i18n.changeLanguage('es');
    });
    fireEvent.change(screen.getByPlaceholderText('Buscar palabras…'), { target: { value: 'secretaria general' } });
    expect(document.querySelectorAll('article.paragraph')).toHaveLength(1);
    expect(screen.getByText(/^1 de \d+ párrafos mostrados$/)).toBeTruthy();
  });

  it('matches unaccented queries against accented text and the reverse', () => {
    const cicte = section(seedLikeDraft(), 'CICTE');
    const p = paragraph(cicte, '3', 'Reconociendo la labor de la Secretaría de Seguridad Multidimensional');
    expect(matches(p, { ...NO_FILTERS, query: 'Secretaria' }, null)).toBe(true);
    expect(matches(p, { ...NO_FILTERS, query: 'RECONOCIENDO LA LABOR' }, null)).toBe(true);
    const fr = paragraph(cicte, '4', 'Prenant note de la sécurité hémisphérique');
    expect(matches(fr, { ...NO_FILTERS, query: 'securite hemispherique' }, null)).toBe(true);
    expect(matches(fr, { ...NO_FILTERS, query: 'seguridad' }, null)).toBe(false);
    // Read in Spanish, the translation on screen is searched too.
    const en = paragraph(cicte, '5', 'To request the General Secretariat to report.');
    expect(matches(en, { ...NO_FILTERS, query: 'secretaria general' }, null)).toBe(false);
    expect(matches(en, { ...NO_FILTERS, query: 'secretaria general' }, null, 'Solicitar a la Secretaría General que informe.')).toBe(true);
  });
});
