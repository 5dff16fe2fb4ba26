import { describe, expect, it } from 'vitest';
import { readsMoreStretched, stretchedReadsBetter } from './recognizer.ts';

describe('stretchedReadsBetter', () => {
  it('takes a stretched reading that is sure and surer than the first by a margin', () => {
    expect(stretchedReadsBetter(0.8, 0.8, 0.92)).toBe(true);
    expect(stretchedReadsBetter(0.88, 0.88, 0.91)).toBe(false);
  });

  it('takes one under the sure level only where it is much surer than the first', () => {
    expect(stretchedReadsBetter(0.62, 0.62, 0.86)).toBe(true);
    expect(stretchedReadsBetter(0.8, 0.8, 0.88)).toBe(false);
  });

  it('never takes one less sure than a stretched reading already kept', () => {
    expect(stretchedReadsBetter(0.62, 0.89, 0.86)).toBe(false);
    expect(stretchedReadsBetter(0.62, 0.86, 0.89)).toBe(true);
  });
});

describe('readsMoreStretched', () => {
  it('takes a stretched reading that holds every glyph read and more at about the confidence (an NMEA sentence in Arial)', () => {
    const first = { text: '$XXGLL,lat,NS,ong,EW,time, tatus,posMode*cs<CR><>', confidence: 0.83 };
    expect(readsMoreStretched(first, { text: '$XXGLL,lat,NS,long,EW,time,Status,posMode*cs<CR><LF>', confidence: 0.82 })).toBe(true);
  });

  it('leaves one that loses or changes a glyph, adds only one, or reads less surely', () => {
    const first = { text: 'NS,ong,EW,time, tatus', confidence: 0.83 };
    expect(readsMoreStretched(first, { text: 'NS,long,EW,tine,Status', confidence: 0.85 })).toBe(false);
    expect(readsMoreStretched(first, { text: 'NS,long,EW,time, tatus', confidence: 0.85 })).toBe(false);
    expect(readsMoreStretched(first, { text: 'NS,long,EW,time,Status', confidence: 0.79 })).toBe(false);
  });
});

