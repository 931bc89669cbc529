import { parseReservationFootnote, reservationFootnote } from './export-reservations';

describe('reservations as footnotes', () => {
  it('names the state unless the text already does, and reads the delegation back either way', () => {
    const cases = [
      { delegation: 'MEX', text: 'Reserves its position on this paragraph.' },
      { delegation: 'US', text: 'The United States joins consensus on the understanding that …' },
      { delegation: 'CH', text: 'Chile: a colon inside.' },
    ];
    for (const r of cases) expect(parseReservationFootnote(reservationFootnote(r))).toEqual(r);
    expect(reservationFootnote(cases[0]!)).toBe('Mexico: Reserves its position on this paragraph.');
    expect(reservationFootnote(cases[1]!)).toBe(cases[1]!.text);
  });

  it('finds no delegation in a footnote that names no member state', () => {
    expect(parseReservationFootnote('See document CP/CSH-1953/20.')).toEqual({ delegation: null, text: 'See document CP/CSH-1953/20.' });
  });
});
