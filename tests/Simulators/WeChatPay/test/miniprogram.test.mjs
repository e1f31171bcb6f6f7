import test from 'node:test';
import assert from 'node:assert/strict';
import { Formatter, Rsa, jsapiOrder, merchantPrivateKey, startSimulator } from '../support/harness.mjs';

/** What a merchant server returns to its mini-program for wx.requestPayment, signed by wechatpay-axios-plugin. */
function requestPayment(appId, prepayId, privateKey = merchantPrivateKey) {
  const timeStamp = String(Formatter.timestamp());
  const nonceStr = Formatter.nonce();
  const pkg = `prepay_id=${prepayId}`;
  const paySign = Rsa.sign(Formatter.joinedByLineFeed(appId, timeStamp, nonceStr, pkg), privateKey);
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}

test('a JSAPI order for the mini-program appid is accepted and paid through wx.requestPayment', async () => {
  const sim = await startSimulator();
  try {
    const mpAppId = sim.config.miniProgramAppId;
    const created = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config, { appid: mpAppId, payer: { openid: 'oMiniProgramPayer000000000001' } }));
    assert.equal(created.status, 200, created.text);
    const paid = await sim.control('POST', '/$sim/miniprogram/request-payment', requestPayment(mpAppId, created.json.prepay_id));
    assert.equal(paid.status, 200, paid.text);
    assert.equal(paid.json.trade_state, 'SUCCESS');
    assert.equal(paid.json.appid, mpAppId);
    assert.equal(paid.json.payer.openid, 'oMiniProgramPayer000000000001');
  } finally {
    await sim.stop();
  }
});

test('wx.requestPayment refuses a forged sign, and a service-account order cannot be paid in the mini-program', async () => {
  const sim = await startSimulator();
  try {
    const mpAppId = sim.config.miniProgramAppId;
    const mpOrder = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config, { appid: mpAppId }));
    const signedForOtherApp = requestPayment(sim.config.appId, mpOrder.json.prepay_id);
    const forged = await sim.control('POST', '/$sim/miniprogram/request-payment', signedForOtherApp);
    assert.equal(forged.json.code, 'SIGN_ERROR');

    const accountOrder = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config));
    const wrongApp = await sim.control('POST', '/$sim/miniprogram/request-payment', requestPayment(mpAppId, accountOrder.json.prepay_id));
    assert.equal(wrongApp.json.code, 'APPID_MCHID_NOT_MATCH');

    const stranger = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config, { appid: 'wx0000000000000000' }));
    assert.equal(stranger.json.code, 'APPID_MCHID_NOT_MATCH');
  } finally {
    await sim.stop();
  }
});
