import test from 'node:test';
import assert from 'node:assert/strict';
import { configFromEnv } from '../src/config.mjs';

test('port from INSURANCE_PORT, else PORT, else 5307; host and credentials from the environment', () => {
  assert.deepEqual(configFromEnv({}), { host: '127.0.0.1', port: 5307, appId: 'hospital-jcsy', appSecret: 'insurance-local-secret' });
  assert.equal(configFromEnv({ PORT: '6000' }).port, 6000);
  assert.equal(configFromEnv({ PORT: '6000', INSURANCE_PORT: '6001' }).port, 6001);
  assert.equal(configFromEnv({ INSURANCE_HOST: '0.0.0.0' }).host, '0.0.0.0');
});
