import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './http.ts';

describe('retryAfterMs', () => {
  it('reads seconds, an HTTP date, and falls back when absent or unreadable', () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '2' }), 1000)).toBe(2000);
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    expect(retryAfterMs(new Headers({ 'Retry-After': inFiveSeconds }), 1000)).toBeGreaterThan(3000);
    expect(retryAfterMs(new Headers({ 'Retry-After': new Date(0).toUTCString() }), 1000)).toBe(0);
    expect(retryAfterMs(new Headers(), 1000)).toBe(1000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'soon' }), 1000)).toBe(1000);
  });
});
