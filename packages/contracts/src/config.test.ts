import { describe, expect, it } from 'vitest';
import { ConfigError, apiConfigSchema, parseConfig, workerConfigSchema } from './config.ts';

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const api = parseConfig(apiConfigSchema, {});
    expect(api).toMatchObject({ HOST: '0.0.0.0', PORT: 8000, REDIS_URL: 'redis://127.0.0.1:6379', MAX_FILE_SIZE_MB: 50, QUEUE_PREFIX: 'ocr' });
    expect(api.API_KEYS).toBeUndefined();
    expect(api.CORS_ORIGINS).toEqual(['*']);
    const worker = parseConfig(workerConfigSchema, {});
    expect(worker).toMatchObject({ ENGINE: 'ppocr', MAX_PATCHES: 12, DEVICE: 'auto', JOB_LOCK_MS: 30_000 });
  });

  it('coerces numbers, splits API keys and treats an empty variable as unset', () => {
    const api = parseConfig(apiConfigSchema, { PORT: '9000', API_KEYS: ' a, b ,,c', ADMIN_PASSWORD: '', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(api.PORT).toBe(9000);
    expect(api.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(api.API_KEYS).toEqual(['a', 'b', 'c']);
    expect(api.ADMIN_PASSWORD).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    const bad = () => parseConfig(apiConfigSchema, { PORT: 'eighty', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PORT/);
    expect(bad).toThrow(/REDIS_URL/);
    expect(bad).toThrow(/LOG_LEVEL/);
    expect(() => parseConfig(workerConfigSchema, { ENGINE: 'tesseract' })).toThrow(/ENGINE/);
  });
});
