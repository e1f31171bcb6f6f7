import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { platformLogs } from '../src/sources.mjs';

const run = promisify(execFile);
const scan = async (...args) => {
  try { return { code: 0, out: (await run('node', [new URL('../scan.mjs', import.meta.url).pathname, ...args])).stdout }; }
  catch (e) { return { code: e.code, out: e.stdout }; }
};

function runLeftovers() {
  const dir = mkdtempSync(join(tmpdir(), 'pii-scan-'));
  const logs = join(dir, 'logs'), traces = join(dir, 'traces'), queues = join(dir, 'queues'), tables = join(dir, 'tables');
  for (const d of [logs, traces, queues, tables]) mkdirSync(d);
  writeFileSync(join(logs, 'identity.log'), '{"Message":"ok"}\n{"Message":"sms to 13912345678 sent"}\n');
  writeFileSync(join(logs, 'nginx-access.log'), '127.0.0.1 "GET /api/x HTTP/1.1" 200 traceparent=00-3eae61c9e6c148de1234567890123456-4735218390612341-01\n');
  writeFileSync(join(logs, 'test.log'), '  Passed X.Tests.Y(phone: "13800138000") [1 ms]\n'
    + '{"Timestamp":"2026-12-07T14:51:55.839Z","EventId":1,"LogLevel":"Information","Category":"Identity.API.X","Message":"code sent to 13712345678"}\n');
  writeFileSync(join(logs, 'build.log'), 'build 13800138000\n');
  const body = Buffer.from('{"message":{"idNumber":"11010519491231002X"}}').toString('base64');
  writeFileSync(join(traces, 'platform.log'), `${JSON.stringify({ exchange: 'Platform.Contracts:X', routing_keys: [''], payload: body, properties: {}, type: 'published' })}\n`);
  writeFileSync(join(queues, 'platform.payment_error.json'), JSON.stringify([{ exchange: '', routing_key: 'payment_error', payload: '{"card":"6222021234567890128"}', payload_encoding: 'string', properties: { headers: {} } }]));
  writeFileSync(join(tables, 'payment.outbox_messages.txt'), '(0190a1b2-c3d4-7e5f-8a6b-13800138000f,"{""Phone"": ""+8618612345678""}")\n');
  return { logs, traces, queues, tables };
}

test('the runners\' own logs are not the platform\'s', () => {
  const { logs } = runLeftovers();
  assert.deepEqual(platformLogs(logs).map((p) => p.split('/').pop()), ['identity.log', 'nginx-access.log']);
});

test('finds identifiers in logs, traced messages, dead letters and outbox rows, and prints them masked only', async () => {
  const { logs, traces, queues, tables } = runLeftovers();
  const { code, out } = await scan('--logs', logs, '--service-lines-of', join(logs, 'test.log'), '--traces', traces, '--queues', queues, '--tables', tables);
  assert.equal(code, 1);
  assert.match(out, /not ok mobile 139\*\*\*\*5678 in log identity\.log:2:/);
  assert.match(out, /not ok id-number 1101\*{10}002X in trace platform\.log:1 exchange "Platform\.Contracts:X"/);
  assert.match(out, /not ok bank-card 6222\*{11}0128 in queue platform\.payment_error message 1/);
  assert.match(out, /not ok mobile 186\*\*\*\*5678 in table payment\.outbox_messages row 1/);
  assert.match(out, /not ok mobile 137\*\*\*\*5678 in log test\.log:2:\d+ \(a service in a test\)/);
  assert.doesNotMatch(out, /138\*\*\*\*8000 in log test\.log/); // test data in a test's name is not a service's log
  assert.match(out, /^# fail 1$/m);
  for (const clear of ['13912345678', '13712345678', '11010519491231002X', '6222021234567890128', '18612345678', '13800138000']) {
    assert.ok(!out.includes(clear), `${clear} printed in clear`);
  }
});

test('a clean run passes, and a missing folder is nothing to scan', async () => {
  const { logs } = runLeftovers();
  writeFileSync(join(logs, 'identity.log'), '{"Message":"sms to 139****5678 sent"}\n');
  const { code, out } = await scan('--logs', logs, '--traces', join(logs, 'no-such-folder'));
  assert.equal(code, 0);
  assert.match(out, /# pii-scan: 2 files scanned, 0 personal identifiers or secrets found/);
  assert.match(out, /^# pass 1$/m);
});
