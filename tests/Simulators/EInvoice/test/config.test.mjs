import test from 'node:test';
import assert from 'node:assert/strict';
import { configFromEnv } from '../src/config.mjs';

test('defaults: port 5306 on loopback, the local app id and secret, a CJK font found on the machine', () => {
  const config = configFromEnv({});
  assert.equal(config.port, 5306);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.appId, 'hospital-jcsy');
  assert.equal(config.appSecret, 'einvoice-local-secret');
  assert.match(config.fontPath, /\.tt[cf]$/);
});

test('EINVOICE_PORT wins over PORT; the public URL is taken as given', () => {
  assert.equal(configFromEnv({ EINVOICE_PORT: '6001', PORT: '6002' }).port, 6001);
  assert.equal(configFromEnv({ PORT: '6002' }).port, 6002);
  assert.equal(configFromEnv({ EINVOICE_PUBLIC_URL: 'http://einvoice.local/' }).publicUrl, 'http://einvoice.local');
});

test('a missing or unreadable font stops the start with a clear message', () => {
  assert.throws(() => configFromEnv({ EINVOICE_FONT: '/nonexistent/font.ttf' }), /EINVOICE_FONT=\/nonexistent\/font.ttf does not exist/);
  assert.throws(() => configFromEnv({ EINVOICE_FONT: '/etc/hostname' }), /cannot be read/);
});
