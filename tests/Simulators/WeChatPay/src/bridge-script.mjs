/**
 * WeixinJSBridge as WeChat's in-app browser provides it, for a test to inject into the patient page: getBrandWCPayRequest
 * opens the cashier in a full-screen iframe and answers the callback with the payer's choice.
 */
export function bridgeScript(cashierBase) {
  return `(function () {
  if (window.WeixinJSBridge && window.WeixinJSBridge.__wechatPaySimulator) return;
  var CASHIER = ${JSON.stringify(`${cashierBase}/cashier/jsapi`)};
  var CASHIER_ORIGIN = new URL(CASHIER).origin;
  var open = null;

  function finish(errMsg) {
    if (!open) return;
    var current = open;
    open = null;
    current.overlay.remove();
    try { current.callback({ err_msg: errMsg }); } catch (e) { setTimeout(function () { throw e; }); }
  }

  function payRequest(params, callback) {
    if (open) { callback({ err_msg: 'get_brand_wcpay_request:fail' }); return; }
    params = params || {};
    var query = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign']
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k] == null ? '' : String(params[k])); })
      .join('&');
    var overlay = document.createElement('div');
    overlay.id = 'wechatpay-simulator-overlay';
    overlay.setAttribute('style', 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,0.45);margin:0;padding:0;');
    var frame = document.createElement('iframe');
    frame.title = '微信支付';
    frame.name = 'wechatpay-cashier';
    frame.src = CASHIER + '?' + query;
    frame.setAttribute('style', 'position:absolute;inset:0;width:100%;height:100%;border:0;background:#ededed;');
    overlay.appendChild(frame);
    (document.body || document.documentElement).appendChild(overlay);
    open = { overlay: overlay, frame: frame, callback: callback || function () {} };
  }

  window.addEventListener('message', function (event) {
    if (!open || event.origin !== CASHIER_ORIGIN || event.source !== open.frame.contentWindow) return;
    var data = event.data;
    if (data && data.type === 'wechatpay-simulator:result' && /^get_brand_wcpay_request:(ok|cancel|fail)$/.test(data.err_msg)) finish(data.err_msg);
  });

  window.WeixinJSBridge = {
    __wechatPaySimulator: true,
    invoke: function (name, params, callback) {
      if (name === 'getBrandWCPayRequest') { payRequest(params, callback); return; }
      setTimeout(function () { if (callback) callback({ err_msg: name + ':fail_not_supported' }); });
    },
    call: function () {},
    on: function () {},
  };

  function ready() { document.dispatchEvent(new Event('WeixinJSBridgeReady', { bubbles: true })); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else setTimeout(ready);
})();
`;
}
