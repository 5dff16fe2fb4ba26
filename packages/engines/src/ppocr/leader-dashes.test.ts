import { describe, expect, it } from 'vitest';
import { withoutLeaderDashes } from './leader-dashes.ts';

describe('withoutLeaderDashes', () => {
  it('leaves out the leader read as dashes either side of a radius or a diameter', () => {
    expect(withoutLeaderDashes('R27-')).toBe('R27');
    expect(withoutLeaderDashes('-R15')).toBe('R15');
    expect(withoutLeaderDashes('R18--')).toBe('R18');
    expect(withoutLeaderDashes('Ø32—')).toBe('Ø32');
    expect(withoutLeaderDashes('4xR5- 2X Ø10.5_')).toBe('4xR5 2X Ø10.5');
    expect(withoutLeaderDashes('—SR8')).toBe('SR8');
  });

  it('keeps ranges, negative numbers and dashes inside codes', () => {
    expect(withoutLeaderDashes('R5-R8')).toBe('R5-R8');
    expect(withoutLeaderDashes('-40 to 85')).toBe('-40 to 85');
    expect(withoutLeaderDashes('XR20-')).toBe('XR20-');
    expect(withoutLeaderDashes('AR-R15')).toBe('AR-R15');
    expect(withoutLeaderDashes('R1-2')).toBe('R1-2');
  });
});
