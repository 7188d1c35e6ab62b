import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findConsoleDirectory, isApiPath, isBuildFile, isHashedAsset } from './console-paths';

describe('which paths the console may answer', () => {
  it('never the API’s own: /v1, /docs (and /docs-json), /openapi.json, /health, /metrics, /admin', () => {
    for (const path of [
      '/v1',
      '/v1/cases',
      '/v1/nope',
      '/docs',
      '/docs/',
      '/docs-json',
      '/openapi.json',
      '/health',
      '/metrics',
      '/admin/queues',
    ]) {
      expect(isApiPath(path)).toBe(true);
    }
    for (const path of [
      '/',
      '/board',
      '/cases/0d4c6a2e-5f0b-4a59-9c1e-3b7f1f5a8e21',
      '/v10',
      '/healthy',
      '/assets/a.js',
    ]) {
      expect(isApiPath(path)).toBe(false);
    }
    expect(isHashedAsset('/assets/index-Bx7k2.js')).toBe(true);
    expect(isHashedAsset('/favicon.svg')).toBe(false);
    for (const path of ['/sw.js', '/workbox-9c191d2f.js', '/manifest.webmanifest', '/icons/icon-192.png']) {
      expect(isBuildFile(path)).toBe(true);
    }
    for (const path of ['/', '/board', '/offline', '/cases/0d4c6a2e-5f0b-4a59-9c1e-3b7f1f5a8e21', '/imports/']) {
      expect(isBuildFile(path)).toBe(false);
    }
  });

  it('finds the console directory named, only once it holds an index.html', () => {
    const directory = mkdtempSync(join(tmpdir(), 'casetrack-console-paths-'));
    try {
      expect(findConsoleDirectory(directory)).toBeNull();
      mkdirSync(join(directory, 'assets'));
      writeFileSync(join(directory, 'index.html'), '<!doctype html>');
      expect(findConsoleDirectory(directory)).toBe(directory);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
