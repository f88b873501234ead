import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, HOST: 'localhost', GUANXI_DEMO: true, LOG_LEVEL: 'info' });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('reads and converts variables', () => {
    const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', GUANXI_DEMO: 'false', DATABASE_URL: 'postgres://u@h/db', GUANXI_DATA_DIR: '/srv/gx' });
    expect(c).toMatchObject({ PORT: 8080, GUANXI_DEMO: false, DATABASE_URL: 'postgres://u@h/db', dataDir: '/srv/gx', publicUrl: 'http://localhost:8080' });
  });

  it('refuses bad values with a message naming every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(message).toContain(name);
      expect(message).toContain('"eighty"');
    }
  });
});
