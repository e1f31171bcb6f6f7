import { PayError } from './http-util.mjs';
import { openIdFor } from './ids.mjs';
import { signedMessage, verify } from './wechatpay-crypto.mjs';
import { boundAppIds } from './orders.mjs';

const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: #ededed; color: #111; font-size: 20px; }
  main { max-width: 480px; margin: 0 auto; padding: 32px 24px; min-height: 100vh; display: flex; flex-direction: column; }
  .brand { text-align: center; color: #07c160; font-size: 18px; margin: 0 0 24px; }
  h1 { font-size: 22px; font-weight: normal; text-align: center; margin: 8px 0; }
  .description { text-align: center; color: #555; margin: 4px 0 16px; }
  .amount { font-size: 48px; font-weight: 600; text-align: center; margin: 16px 0 32px; }
  .actions { margin-top: auto; display: flex; flex-direction: column; gap: 14px; }
  button { font-size: 22px; padding: 16px; border: 0; border-radius: 8px; min-height: 56px; }
  .primary { background: #07c160; color: #fff; }
  .secondary { background: #fff; color: #111; }
  .alert { background: #fff; border-radius: 8px; padding: 20px; text-align: center; color: #fa5151; margin: 16px 0; }
  .done { text-align: center; font-size: 26px; color: #07c160; margin: 24px 0 8px; }
  [hidden] { display: none !important; }
`;

// Runs in the cashier: pays through the simulator, then tells the merchant page (the iframe's parent) the outcome.
const SCRIPT = `
  const data = JSON.parse(document.getElementById('cashier-data').textContent);
  const embedded = window.parent !== window;
  const show = (id) => document.querySelectorAll('[data-view]').forEach((v) => { v.hidden = v.dataset.view !== id; });
  const answer = (result) => {
    if (embedded) window.parent.postMessage({ type: 'wechatpay-simulator:result', err_msg: 'get_brand_wcpay_request:' + result }, '*');
    else show(result === 'ok' ? 'closed-ok' : result === 'cancel' ? 'closed-cancel' : 'closed-fail');
  };
  const fail = (message) => {
    document.getElementById('error-message').textContent = message;
    show('error');
    document.getElementById('error-back').focus();
  };
  document.getElementById('pay')?.addEventListener('click', async (event) => {
    event.currentTarget.disabled = true;
    try {
      const response = await fetch(data.payUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data.request) });
      const result = await response.json();
      if (!response.ok) return fail(result.message || '支付失败');
      show('success');
      document.getElementById('finish').focus();
    } catch {
      fail('网络异常,请稍后重试');
    }
  });
  document.getElementById('cancel')?.addEventListener('click', () => answer('cancel'));
  document.getElementById('finish')?.addEventListener('click', () => answer('ok'));
  document.getElementById('error-back')?.addEventListener('click', () => answer('fail'));
`;

function page({ title, body, data }) {
  const json = JSON.stringify(data ?? {}).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main aria-label="微信支付收银台">
<p class="brand">微信支付</p>
${body}
</main>
<script type="application/json" id="cashier-data">${json}</script>
<script type="module">${SCRIPT}</script>
</body>
</html>`;
}

const errorView = (message, hidden) => `
<section data-view="error"${hidden ? ' hidden' : ''}>
  <div class="alert" role="alert" id="error-message">${escapeHtml(message)}</div>
  <div class="actions"><button type="button" class="secondary" id="error-back" aria-label="返回">返回</button></div>
</section>`;

const closedViews = `
<section data-view="closed-ok" hidden><p class="done" role="status">支付已完成,请返回商户页面</p></section>
<section data-view="closed-cancel" hidden><p class="done" role="status">已取消支付</p></section>
<section data-view="closed-fail" hidden><p class="done" role="status">支付未完成</p></section>`;

function orderPage(config, order, request, payUrl) {
  const amount = yuan(order.amount.total);
  return page({
    title: '微信支付',
    data: { request, payUrl },
    body: `
<section data-view="confirm">
  <h1 id="merchant">${escapeHtml(config.merchantName)}</h1>
  <p class="description" id="description">${escapeHtml(order.description)}</p>
  <p class="amount" id="amount" aria-label="支付金额 ${amount}">${amount}</p>
  <div class="actions">
    <button type="button" class="primary" id="pay" aria-label="确认支付">确认支付</button>
    <button type="button" class="secondary" id="cancel" aria-label="取消">取消</button>
  </div>
</section>
<section data-view="success" hidden>
  <p class="done" role="status">支付成功</p>
  <p class="amount">${amount}</p>
  <div class="actions"><button type="button" class="primary" id="finish" aria-label="完成">完成</button></div>
</section>
${errorView('', true)}
${closedViews}`,
  });
}

const errorPage = (message) => page({ title: '微信支付', body: `${errorView(message, false)}${closedViews}` });

/** The pay screens: JSAPI (opened by WeixinJSBridge with the page's paySign) and Native (opened from a code_url). */
export function createCashier(config, orders) {
  /** Checks what getBrandWCPayRequest received and finds the order it pays; a PayError says why not. */
  function jsapiOrder(params) {
    const { appId, timeStamp, nonceStr, package: pkg, signType, paySign } = params;
    if (!appId || !timeStamp || !nonceStr || !pkg || !paySign) throw new PayError(400, 'PARAM_ERROR', '支付参数缺失');
    if (signType !== 'RSA') throw new PayError(400, 'PARAM_ERROR', '签名类型错误');
    if (!boundAppIds(config).includes(appId)) throw new PayError(400, 'APPID_MCHID_NOT_MATCH', '商户号与appid不匹配');
    if (!verify(config.merchantPublicKeyPem, signedMessage(appId, timeStamp, nonceStr, pkg), paySign)) {
      throw new PayError(400, 'SIGN_ERROR', '支付验证签名失败');
    }
    const prepayId = /^prepay_id=(.+)$/.exec(pkg)?.[1];
    const order = prepayId && orders.byPrepayId(prepayId);
    if (!order || order.trade_type !== 'JSAPI') throw new PayError(400, 'ORDER_NOT_EXIST', '订单不存在');
    // The app that pays must be the app the order was placed for (a service-account prepay cannot be paid in the mini-program).
    if (order.appid !== appId) throw new PayError(400, 'APPID_MCHID_NOT_MATCH', '支付参数的appid与下单appid不一致');
    return order;
  }

  function nativeOrder(token) {
    const order = token && orders.byCodeToken(token);
    if (!order) throw new PayError(400, 'ORDER_NOT_EXIST', '二维码已失效');
    return order;
  }

  /** What a payer cannot pay is refused before the confirm button is shown. */
  function payable(order) {
    orders.transactionView(order);
    if (order.trade_state === 'SUCCESS' || order.trade_state === 'REFUND') throw new PayError(400, 'ORDERPAID', '该订单已支付');
    if (order.trade_state === 'CLOSED') throw new PayError(400, 'ORDER_CLOSED', order.closed_reason === 'expired' ? '订单已过期' : '订单已关闭');
    return order;
  }

  const render = (build) => {
    try {
      return { status: 200, html: build() };
    } catch (err) {
      if (!(err instanceof PayError)) throw err;
      return { status: 400, html: errorPage(err.message) };
    }
  };

  return {
    jsapiPage: (url) => render(() => {
      const params = Object.fromEntries(url.searchParams);
      return orderPage(config, payable(jsapiOrder(params)), { kind: 'jsapi', ...params }, '/cashier/pay');
    }),
    nativePage: (url) => render(() => {
      const token = url.searchParams.get('pr');
      const user = url.searchParams.get('sim_user') || 'patient';
      return orderPage(config, payable(nativeOrder(token)), { kind: 'native', pr: token, sim_user: user }, '/cashier/pay');
    }),
    /** The confirm button: the request is checked again, so the page cannot be bypassed with a forged sign. */
    pay(request) {
      if (request.kind === 'jsapi') return orders.pay(jsapiOrder(request));
      if (request.kind === 'native') return orders.pay(nativeOrder(request.pr), { openid: openIdFor(config.appId, request.sim_user || 'patient') });
      throw new PayError(400, 'PARAM_ERROR', '未知的支付方式');
    },
  };
}
