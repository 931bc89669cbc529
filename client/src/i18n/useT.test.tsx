import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nextProvider, i18n } from '.';
import { useT } from './useT';

const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;

describe('useT', () => {
  it("says what i18next says, the same each time, in the namespace's and then common's catalogue", () => {
    const { result } = renderHook(() => useT('draft'), { wrapper });
    const t = result.current;
    const asked = () => [t('cap.preamble', { count: 1 }), t('cap.preamble', { count: 2 }), t('common:loading'), t('loading')];
    const first = asked();
    expect(first).toEqual([
      i18n.t('draft:cap.preamble', { count: 1 }),
      i18n.t('draft:cap.preamble', { count: 2 }),
      i18n.t('common:loading'),
      i18n.t('common:loading'),
    ]);
    expect(first[0]).not.toBe(first[1]);
    expect(asked()).toEqual(first);
  });

  it('is another function, saying it in the new language, when the language changes', async () => {
    const { result } = renderHook(() => useT('collab'), { wrapper });
    const en = result.current;
    expect(en('saving')).toBe('Saving…');
    await act(async () => {
      await i18n.changeLanguage('es');
    });
    expect(result.current).not.toBe(en);
    expect(result.current('saving')).toBe('Guardando…');
  });
});
