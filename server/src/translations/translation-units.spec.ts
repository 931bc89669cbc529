import { parseBrackets } from '@omnibus/shared';
import { baseWords, checkBrackets, literalsMatch, normalizeSponsorConjunctions } from './translation-units';

describe('translation units', () => {
  const original = 'To request that the SMS [CAN: , through the CICTE Secretariat,] provide assistance [US: delete: in 2022] [Alt 1 (BRA): soon] [Alt 2 (MEX): now]';

  it('accepts a translation that keeps every bracket with the same sponsors in the same order', () => {
    const es = 'Solicitar que la SSM [CAN: , por conducto de la Secretaría del CICTE,] brinde asistencia [US: delete: en 2022] [Alt 1 (BRA): pronto] [Alt 2 (MEX): ahora]';
    expect(checkBrackets(original, es).ok).toBe(true);
  });

  it('refuses a bracket dropped, added, reordered or in another delegation’s name, naming what was expected', () => {
    const cases = [
      'Solicitar que la SSM brinde asistencia [US: delete: en 2022] [Alt 1 (BRA): pronto] [Alt 2 (MEX): ahora]',
      'Solicitar que la SSM [MEX: , por conducto,] brinde asistencia [US: delete: en 2022] [Alt 1 (BRA): pronto] [Alt 2 (MEX): ahora]',
      'Solicitar [US: delete: en 2022] que la SSM [CAN: , por conducto,] brinde [Alt 1 (BRA): pronto] [Alt 2 (MEX): ahora]',
      'Solicitar que la SSM [CAN and US: , por conducto,] brinde asistencia [US: delete: en 2022] [Alt 1 (BRA): pronto] [Alt 2 (MEX): ahora]',
    ];
    for (const c of cases) {
      const check = checkBrackets(original, c);
      expect(check).toMatchObject({ ok: false, reason: 'sponsors', expected: [['CAN'], ['US'], ['BRA'], ['MEX']] });
    }
    expect(checkBrackets('plain words', '[MEX: palabras]')).toMatchObject({ ok: false, reason: 'sponsors', expected: [], found: [['MEX']] });
  });

  it('reads sponsors joined the Spanish, French or Portuguese way as the notation’s list', () => {
    expect(normalizeSponsorConjunctions('[CH, MEX y US: Respaldar] y [CAN et US : x] [BRA e MEX: y]')).toBe('[CH, MEX and US: Respaldar] y [CAN and US: x] [BRA and MEX: y]');
    expect(checkBrackets('[CH, MEX and US: To endorse]', normalizeSponsorConjunctions('[CH, MEX y US: Respaldar]')).ok).toBe(true);
  });

  it('reports brackets it cannot read', () => {
    expect(checkBrackets(original, 'Solicitar [CAN: sin cerrar')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('reads the base words of a translated negotiation text: outside the brackets, plus words proposed for deletion', () => {
    const parsed = parseBrackets('Convocar [CAN: pronto] la reunión [US: delete: en 2022] del CICTE.');
    if (!parsed.ok) throw new Error('unparsed');
    expect(baseWords(parsed.segments, false)).toBe('Convocar  la reunión en 2022 del CICTE.');
    const whole = parseBrackets('[CH, MEX and US: Respaldar los informes.]');
    if (!whole.ok) throw new Error('unparsed');
    expect(baseWords(whole.segments, true)).toBe('Respaldar los informes.');
  });

  it('wants every literal of the original, by label and in order', () => {
    const lits = [{ label: 'a', text: 'x' }, { label: 'b', text: 'y' }];
    expect(literalsMatch(lits, [{ label: 'a' }, { label: 'b' }])).toBe(true);
    expect(literalsMatch(lits, [{ label: 'b' }, { label: 'a' }])).toBe(false);
    expect(literalsMatch(lits, [{ label: 'a' }])).toBe(false);
    expect(literalsMatch(lits, undefined)).toBe(false);
    expect(literalsMatch(null, undefined)).toBe(true);
    expect(literalsMatch(null, [{ label: 'a' }])).toBe(false);
  });
});
