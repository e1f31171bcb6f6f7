// A mocked `wx`: wx.request goes to a route table (recorded shapes of the real APIs) and is logged; wx.login hands out
// codes; payment and subscribe prompts answer as the test says; navigation is recorded.
function createWx({ routes = [], subscribeAnswer = 'accept', paymentAnswer = 'ok', base = 'https://mp.test', live = false, modalAnswers = [] } = {}) {
  const storage = new Map()
  const requests = []
  const unmatched = []
  const navigations = []
  const payments = []
  const subscribePrompts = []
  let codes = 0

  function split(url) {
    const rest = url.startsWith(base) ? url.slice(base.length) : url
    const [pathname, search = ''] = rest.split('?')
    return { pathname, query: Object.fromEntries(new URLSearchParams(search)) }
  }

  function find(method, pathname) {
    return routes.find((r) => r.method === method && (r.path instanceof RegExp ? r.path.test(pathname) : r.path === pathname))
  }

  // Against the running stack: the request really goes out (Node's fetch), answered as wx.request would.
  function forward(options, method) {
    const headers = { ...(options.header || {}) }
    let body
    if (options.data !== undefined && method !== 'GET') body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data)
    fetch(options.url, { method, headers, body, signal: AbortSignal.timeout(10000) })
      .then(async (res) => {
        const text = await res.text()
        let data = text
        try { data = text ? JSON.parse(text) : '' } catch (e) { /* not JSON: kept as text */ }
        options.success({ statusCode: res.status, data, header: Object.fromEntries(res.headers) })
      })
      .catch(() => options.fail({ errMsg: 'request:fail' }))
  }

  const wx = {
    pageStack: [],
    requests,
    unmatched,
    navigations,
    payments,
    subscribePrompts,
    storage,
    route(method, path, reply) {
      routes.unshift({ method, path, reply })
    },
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, value),
    removeStorageSync: (key) => storage.delete(key),
    request(options) {
      const method = (options.method || 'GET').toUpperCase()
      const { pathname, query } = split(options.url)
      const call = { method, url: options.url, path: pathname, query, header: options.header || {}, data: options.data }
      requests.push(call)
      if (live) return forward(options, method)
      const route = find(method, pathname)
      setTimeout(() => {
        if (!route) {
          unmatched.push(call)
          return options.success({ statusCode: 404, data: { title: '请求的资源不存在', status: 404 }, header: {} })
        }
        const answer = typeof route.reply === 'function' ? route.reply(call) : route.reply
        if (answer === 'network-error') return options.fail({ errMsg: 'request:fail' })
        options.success({ statusCode: answer.status || 200, data: answer.data === undefined ? '' : answer.data, header: answer.header || {}, cookies: answer.cookies || [] })
      }, 0)
    },
    login(options) {
      codes += 1
      setTimeout(() => options.success({ code: `wx-code-${codes}`, errMsg: 'login:ok' }), 0)
    },
    requestPayment(options) {
      payments.push({ ...options, success: undefined, fail: undefined })
      setTimeout(() => (paymentAnswer === 'ok' ? options.success({ errMsg: 'requestPayment:ok' }) : options.fail({ errMsg: 'requestPayment:fail cancel' })), 0)
    },
    requestSubscribeMessage(options) {
      subscribePrompts.push(options.tmplIds)
      const result = { errMsg: 'requestSubscribeMessage:ok' }
      options.tmplIds.forEach((id) => (result[id] = subscribeAnswer))
      setTimeout(() => options.success(result), 0)
    },
    navigateTo: (o) => navigations.push({ kind: 'navigateTo', url: o.url }),
    redirectTo: (o) => navigations.push({ kind: 'redirectTo', url: o.url }),
    switchTab: (o) => navigations.push({ kind: 'switchTab', url: o.url }),
    navigateBack: () => navigations.push({ kind: 'navigateBack' }),
    reLaunch: (o) => navigations.push({ kind: 'reLaunch', url: o.url }),
    getSystemInfoSync: () => ({ SDKVersion: '3.6.0', platform: 'devtools', windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
    canIUse: () => true,
    nextTick: (fn) => setTimeout(fn, 0),
    createSelectorQuery: () => {
      const query = { in: () => query, select: () => query, selectAll: () => query, boundingClientRect: (cb) => { if (cb) setTimeout(() => cb({}), 0); return query }, exec: (cb) => { if (cb) setTimeout(() => cb([]), 0) } }
      return query
    },
    showToast: () => {},
    modals: [],
    // Each modal is answered by the next of `modalAnswers` (true = confirm), then confirmed.
    showModal(o) {
      wx.modals.push(o.title)
      const confirm = modalAnswers.length ? modalAnswers.shift() : true
      setTimeout(() => {
        if (o.success) o.success({ confirm, cancel: !confirm })
        wx.modalsAnswered += 1
      }, 0)
    },
    modalsAnswered: 0,
    setNavigationBarTitle: () => {},
    stopPullDownRefresh: () => {},
  }
  return wx
}

module.exports = { createWx }
