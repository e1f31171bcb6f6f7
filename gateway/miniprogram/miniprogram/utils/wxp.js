// wx's callback APIs as promises. A refusal by the user resolves with { ok: false } rather than throwing, since it is
// an answer, not a failure.
function call(name, options = {}) {
  return new Promise((resolve, reject) => {
    wx[name]({ ...options, success: resolve, fail: reject })
  })
}

async function login() {
  const res = await call('login')
  if (!res || !res.code) throw new Error('微信登录失败，请重试')
  return res.code
}

async function requestPayment(params) {
  try {
    await call('requestPayment', params)
    return { ok: true }
  } catch (e) {
    const cancelled = /cancel/i.test((e && e.errMsg) || '')
    return { ok: false, cancelled }
  }
}

async function requestSubscribeMessage(tmplIds) {
  try {
    return { ok: true, result: await call('requestSubscribeMessage', { tmplIds }) }
  } catch (e) {
    return { ok: false, result: null }
  }
}

module.exports = { call, login, requestPayment, requestSubscribeMessage }
