import { cleanup } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import { i18n } from '../i18n';
import { missingKeys } from '../i18n/i18n';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  // A string asked for under a key no catalogue has would show the key itself to the person.
  const missing = missingKeys.splice(0);
  expect(missing).toEqual([]);
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
  localStorage.clear();
  // Tests read the room in English unless they switch language themselves.
  void i18n.changeLanguage('en');
});
