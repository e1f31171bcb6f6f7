import test from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { generateKeyPairSync } from 'node:crypto';
import { openIdFor } from '../src/ids.mjs';
import { jsapiOrder, payParameters, startReceiver, startSimulator, waitFor } from '../support/harness.mjs';

const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

async function page(sim, path) {
  const response = await fetch(`${sim.root}${path}`);
  const html = await response.text();
  const data = /<script type="application\/json" id="cashier-data">(.*?)<\/script>/s.exec(html)?.[1];
  return { status: response.status, html, data: data && JSON.parse(data) };
}

const confirm = (sim, request) => sim.control('POST', '/cashier/pay', request);
const jsapiCashier = (sim, params) => page(sim, `/cashier/jsapi?${new URLSearchParams(params)}`);

test('the JSAPI cashier shows the order for a valid paySign and pays it on 确认支付', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    const order = jsapiOrder(sim.config, { notify_url: receiver.url });
    const { prepay_id: prepayId } = (await sim.api('POST', '/v3/pay/transactions/jsapi', order)).json;
    const shown = await jsapiCashier(sim, payParameters(sim.config, prepayId));
    assert.equal(shown.status, 200);
    assert.match(shown.html, /<html lang="zh-CN">/);
    assert.match(shown.html, /name="viewport"/);
    assert.match(shown.html, /智慧医院/);
    assert.match(shown.html, /门诊挂号费-内科/);
    assert.match(shown.html, /¥12\.34/);
    assert.match(shown.html, /<button[^>]*id="pay"[^>]*aria-label="确认支付"[^>]*>确认支付<\/button>/);
    assert.match(shown.html, /<button[^>]*id="cancel"[^>]*aria-label="取消"[^>]*>取消<\/button>/);

    const paid = await confirm(sim, shown.data.request);
    assert.deepEqual([paid.status, paid.json], [200, { ok: true }]);
    const query = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${order.out_trade_no}?mchid=${sim.config.mchId}`);
    assert.equal(query.json.trade_state, 'SUCCESS');
    assert.equal(query.json.payer.openid, order.payer.openid);
    await waitFor(() => receiver.received.length === 1, { what: 'payment notice' });

    const again = await jsapiCashier(sim, payParameters(sim.config, prepayId));
    assert.equal(again.status, 400);
    assert.match(again.html, /role="alert"[^>]*>该订单已支付/);
    assert.equal((await confirm(sim, shown.data.request)).json.code, 'ORDERPAID');
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});

test('the cashier refuses a forged or tampered paySign and an unknown prepay_id with a visible error', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config);
    const { prepay_id: prepayId } = (await sim.api('POST', '/v3/pay/transactions/jsapi', order)).json;
    const forged = await jsapiCashier(sim, payParameters(sim.config, prepayId, strangerKey));
    assert.equal(forged.status, 400);
    assert.match(forged.html, /role="alert"[^>]*>支付验证签名失败/);
    assert.doesNotMatch(forged.html, /id="pay"/);

    const genuine = payParameters(sim.config, prepayId);
    const tampered = await jsapiCashier(sim, { ...genuine, nonceStr: 'tampered' });
    assert.match(tampered.html, /支付验证签名失败/);
    const unknown = await jsapiCashier(sim, payParameters(sim.config, 'wx00000000000000000000000000000000'));
    assert.match(unknown.html, /订单不存在/);

    const bypass = await confirm(sim, { kind: 'jsapi', ...genuine, paySign: payParameters(sim.config, prepayId, strangerKey).paySign });
    assert.deepEqual([bypass.status, bypass.json.code], [400, 'SIGN_ERROR']);
    const query = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${order.out_trade_no}?mchid=${sim.config.mchId}`);
    assert.equal(query.json.trade_state, 'NOTPAY');
  } finally {
    await sim.stop();
  }
});

test('the Native cashier opens from the code_url token and pays as the scanning user', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config);
    delete order.payer;
    const { code_url: codeUrl } = (await sim.api('POST', '/v3/pay/transactions/native', order)).json;
    const token = new URL(codeUrl).searchParams.get('pr');
    const shown = await page(sim, `/cashier?pr=${token}&sim_user=lisi`);
    assert.equal(shown.status, 200);
    assert.match(shown.html, /¥12\.34/);
    assert.equal((await confirm(sim, shown.data.request)).status, 200);
    const query = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${order.out_trade_no}?mchid=${sim.config.mchId}`);
    assert.equal(query.json.trade_type, 'NATIVE');
    assert.equal(query.json.payer.openid, openIdFor(sim.config.appId, 'lisi'));
    assert.equal((await page(sim, '/cashier?pr=unknown')).status, 400);
  } finally {
    await sim.stop();
  }
});

/** Just enough of a browser page for the bridge: elements, window messages and document events. */
function fakePage() {
  const listeners = { window: {}, document: {} };
  const appended = [];
  const element = (tag) => ({
    tag, children: [], attributes: {}, removed: false, contentWindow: tag === 'iframe' ? { frame: true } : undefined,
    setAttribute(name, value) { this.attributes[name] = value; },
    appendChild(child) { this.children.push(child); },
    remove() { this.removed = true; },
  });
  const on = (target) => (type, fn) => { (listeners[target][type] ??= []).push(fn); };
  const document = {
    readyState: 'complete',
    body: { appendChild: (child) => appended.push(child) },
    createElement: element,
    addEventListener: on('document'),
    dispatchEvent: (event) => (listeners.document[event.type] ?? []).forEach((fn) => fn(event)),
  };
  const window = { addEventListener: on('window') };
  const context = vm.createContext({ window, document, URL, Event, setTimeout, encodeURIComponent, String });
  return {
    context,
    appended,
    post: (event) => (listeners.window.message ?? []).forEach((fn) => fn(event)),
    onDocument: on('document'),
  };
}

test('the injected WeixinJSBridge opens the cashier in an overlay and answers the callback from its message', async () => {
  const sim = await startSimulator();
  try {
    const response = await fetch(`${sim.root}/$sim/weixin-jsbridge.js`);
    assert.match(response.headers.get('content-type'), /javascript/);
    const script = await response.text();
    const fake = fakePage();
    let ready = false;
    fake.onDocument('WeixinJSBridgeReady', () => { ready = true; });
    vm.runInContext(script, fake.context);
    await waitFor(() => ready, { what: 'WeixinJSBridgeReady' });

    const params = { appId: sim.config.appId, timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' };
    const answers = [];
    fake.context.window.WeixinJSBridge.invoke('getBrandWCPayRequest', params, (res) => answers.push(res));
    const [overlay] = fake.appended;
    const frame = overlay.children[0];
    assert.equal(frame.title, '微信支付');
    const src = new URL(frame.src);
    assert.equal(`${src.origin}${src.pathname}`, `${sim.root}/cashier/jsapi`);
    assert.equal(src.searchParams.get('package'), 'prepay_id=wx1');

    const result = { type: 'wechatpay-simulator:result', err_msg: 'get_brand_wcpay_request:ok' };
    fake.post({ origin: 'http://evil.example', source: frame.contentWindow, data: result });
    fake.post({ origin: sim.root, source: {}, data: result });
    assert.equal(answers.length, 0, 'messages from elsewhere are ignored');
    fake.post({ origin: sim.root, source: frame.contentWindow, data: result });
    assert.deepEqual(answers.map((a) => ({ ...a })), [{ err_msg: 'get_brand_wcpay_request:ok' }]);
    assert.equal(overlay.removed, true);
  } finally {
    await sim.stop();
  }
});
