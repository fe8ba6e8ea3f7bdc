import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.ts';

describe('request log redaction', () => {
  it('hides the tracking key and the Open311 api_key, keeps everything else', () => {
    expect(redactUrl('/api/v1/feedback/track/PA-2024-000123?key=Abc123xyz')).toBe(
      '/api/v1/feedback/track/PA-2024-000123?key=[redacted]',
    );
    expect(redactUrl('/open311/v2/requests.json?api_key=cchc-open311-demo-key&service_code=dat-dai')).toBe(
      '/open311/v2/requests.json?api_key=[redacted]&service_code=dat-dai',
    );
    expect(redactUrl('/api/v1/units?q=thuong%20cat&page=2')).toBe('/api/v1/units?q=thuong%20cat&page=2');
    expect(redactUrl('/x?API_KEY=s&Key=t')).toBe('/x?API_KEY=[redacted]&Key=[redacted]');
    expect(redactUrl('/x?%6Bey=s')).toBe('/x?%6Bey=[redacted]');
    expect(redactUrl('/health')).toBe('/health');
  });
});
