// Prepays each order at the WeChat Pay simulator (signed as the merchant, as the Payment service does), switches on
// duplicated concurrent notices, pays CONCURRENCY orders at a time and waits for every copy of every notice to be
// answered. Prints throughput and the notify endpoint's latency as the simulator measured it.
import { createPrivateKey, createSign, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const edge = process.env.PLATFORM_EDGE_URL;
const sim = process.env.PLATFORM_WECHATPAY_SIM_URL;
const concurrency = Number(process.env.CONCURRENCY);
const duplicates = Number(process.env.DUPLICATES);
const key = createPrivateKey(readFileSync(process.env.MERCHANT_KEY));
const mchid = process.env.WECHATPAY_MCHID ?? '1900000109';
const appid = process.env.WECHATPAY_APPID ?? 'wx5f0c1a2b3c4d5e6f';
const serial = process.env.WECHATPAY_MERCHANT_SERIAL ?? '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const orders = readFileSync(process.argv[2], 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);

async function v3(method, path, body) {
  const text = body ? JSON.stringify(body) : '';
  const ts = Math.floor(Date.now() / 1000);
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256').update(`${method}\n${path}\n${ts}\n${nonce}\n${text}\n`).sign(key, 'base64');
  const response = await fetch(sim + path, {
    method,
    headers: {
      'content-type': 'application/json', accept: 'application/json',
      authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${ts}",serial_no="${serial}"`,
    },
    body: body ? text : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

async function simCall(method, path, body) {
  const response = await fetch(`${sim}/$sim/${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} $sim/${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function pool(items, width, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

log(`prepaying ${orders.length} orders`);
await pool(orders, 20, (no) => v3('POST', '/v3/pay/transactions/native', {
  appid, mchid, description: '压测', out_trade_no: no, notify_url: `${edge}/api/payment/notify/wechatpay`, amount: { total: 100 },
}));
await simCall('POST', 'faults', { duplicateNotices: duplicates, concurrentDuplicates: true });
const expected = orders.length * duplicates;
const before = (await simCall("GET", "state")).counters.notices.delivered;

log(`paying ${orders.length} orders, ${concurrency} at a time; ${duplicates} copies of each notice at once`);
const started = performance.now();
await pool(orders, concurrency, (no) => simCall('POST', 'pay', { out_trade_no: no }));
const deadline = Date.now() + 300_000;
let delivered = 0;
while (Date.now() < deadline) {
  delivered = (await simCall("GET", "state")).counters.notices.delivered - before;
  if (delivered >= expected) break;
  await new Promise((r) => setTimeout(r, 100));
}
const seconds = (performance.now() - started) / 1000;
await simCall('DELETE', 'faults');

const wanted = new Set(orders);
const attempts = (await simCall('GET', 'notices')).filter((a) => wanted.has(a.out_trade_no));
const ms = attempts.filter((a) => a.delivered).map((a) => a.ms).filter((x) => typeof x === 'number').sort((a, b) => a - b);
const refused = attempts.filter((a) => !a.delivered).length;
console.log(`payment notices: ${(delivered / seconds).toFixed(1)} notices/s (${delivered} of ${expected} answered 2xx in ${seconds.toFixed(1)} s, ` +
  `${refused} not), notify p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms`);
if (delivered < expected) process.exit(1);
