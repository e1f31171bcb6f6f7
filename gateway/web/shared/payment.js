// Payment (缴费): the rules the patient H5 and the admin console share — status texts, error messages, finding the
// order a booking makes, waiting for WeChat's in-app bridge, keyboard shortcuts. Contract: docs/payment-api.md.
// Pure functions with their collaborators passed in, so node --test covers them without a browser.

export const ORDER_STATUS_TEXT = Object.freeze({
  pending: '待支付',
  settling: '医保结算中',
  paid: '已支付',
  closed: '已关闭',
  refunding: '退款中',
  refunded: '已退款',
  partiallyRefunded: '部分退款',
})

export const REFUND_STATUS_TEXT = Object.freeze({ processing: '退款中', succeeded: '已退款', abnormal: '退款异常' })

export const ORDER_KIND_TEXT = Object.freeze({
  registration: '挂号费', exam: '检查费', drug: '药费', deposit: '住院预交金', outpatient: '门诊缴费', delivery: '药品配送费',
})

export const RECONCILIATION_STATUS_TEXT = Object.freeze({ matched: '一致', differences: '有差异', failed: '失败' })

export function orderStatusText(order) {
  return order?.statusText || ORDER_STATUS_TEXT[order?.status] || order?.status || ''
}

export function refundStatusText(refund) {
  return refund?.statusText || REFUND_STATUS_TEXT[refund?.status] || refund?.status || ''
}

// An order that money reached at some point (later refunds do not undo 「支付成功」 for the pay card).
export function wasPaid(status) {
  return ['paid', 'refunding', 'refunded', 'partiallyRefunded'].includes(status)
}

// Where a pending order is paid: its source's page (a bill's or a deposit's for the order's 就诊人).
export function orderSourcePath(order) {
  const forPatient = order?.patientId ? `?patientId=${encodeURIComponent(order.patientId)}` : ''
  if (order?.kind === 'outpatient') return `/payment${forPatient}`
  if (order?.kind === 'deposit') return `/fees${forPatient}`
  if (!order?.sourceId) return null
  if (order.kind === 'registration') return `/appointments/${encodeURIComponent(order.sourceId)}`
  if (order.kind === 'exam') return '/exams'
  if (order.kind === 'delivery') return `/pharmacy/deliveries/${encodeURIComponent(order.sourceId)}${forPatient}`
  if (order.kind === 'convenience') return `/convenience/orders/${encodeURIComponent(order.sourceId)}${forPatient}`
  if (order.kind === 'home-care') return `/convenience/home-visits/${encodeURIComponent(order.sourceId)}${forPatient}`
  return null
}

export const PAYMENT_ERRORS = Object.freeze({
  order_paid: '该订单已支付',
  order_closed: '订单已关闭，无法支付',
  pay_unavailable: '支付服务暂时不可用，请稍后重试',
  not_in_wechat: '请在微信中打开本页面完成支付',
  order_missing: '暂未生成支付订单，请稍后刷新页面重试',
  pay_failed: '支付未完成，请重试',
})

// The server's Chinese detail first; our text for a known code when the answer carried none.
export function paymentErrorMessage(error) {
  return error?.problem?.detail || PAYMENT_ERRORS[error?.code] || error?.problem?.title || (error?.status === 0 ? '网络连接失败，请检查网络后重试' : '') || '支付失败，请稍后重试'
}

const sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// Gaps between tries while the order travels from Scheduling to Payment as an event: quick at first, then steadier.
export const FIND_ORDER_DELAYS = Object.freeze([300, 600, 1000, 1500, 2000, 2500, 3000])

// The order a source (e.g. an appointment) made: asks until it appears or timeoutMs has passed, then answers null.
// A pending order wins over older closed ones. Network and server errors are retried like an empty answer; other
// refusals (401, 403, 404 …) are the caller's to show. `stopped()` ends the wait early (the page was left).
export async function findOrder(fetchOrders, {
  timeoutMs = 15_000, delays = FIND_ORDER_DELAYS, sleep = sleepFor, now = Date.now, stopped = () => false,
} = {}) {
  const deadline = now() + timeoutMs
  let lastError = null
  for (let attempt = 0; ; attempt += 1) {
    try {
      const items = (await fetchOrders())?.items ?? []
      lastError = null
      const found = items.find((o) => o.status === 'pending') ?? items[0]
      if (found) return found
    } catch (e) {
      if (!(e?.status === 0 || e?.status >= 500)) throw e
      lastError = e
    }
    const wait = delays[Math.min(attempt, delays.length - 1)]
    if (stopped() || now() + wait > deadline) break
    await sleep(wait)
    if (stopped()) break
  }
  if (lastError) throw lastError
  return null
}

// WeChat's in-app browser injects WeixinJSBridge a moment after the page starts and announces it with the
// WeixinJSBridgeReady document event. Answers the bridge, or null when it has not come within timeoutMs (not WeChat).
export function waitForWeixinBridge({ win = globalThis.window, doc = globalThis.document, timeoutMs = 3_000 } = {}) {
  const ready = () => (typeof win?.WeixinJSBridge?.invoke === 'function' ? win.WeixinJSBridge : null)
  if (ready() || !doc?.addEventListener) return Promise.resolve(ready())
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      doc.removeEventListener('WeixinJSBridgeReady', done)
      resolve(ready())
    }
    const timer = setTimeout(done, timeoutMs)
    doc.addEventListener('WeixinJSBridgeReady', done)
  })
}

// Opens WeChat's cashier with the server's jsapi parameters: 'ok' | 'cancel' | 'fail'. 'ok' is not proof of payment:
// the order's status (query or push) is.
export function requestWeixinPay(bridge, jsapi) {
  return new Promise((resolve) => {
    bridge.invoke('getBrandWCPayRequest', jsapi, (res) => {
      const message = String(res?.err_msg ?? res?.errMsg ?? '')
      resolve(message.endsWith(':ok') ? 'ok' : message.endsWith(':cancel') ? 'cancel' : 'fail')
    })
  })
}

// How long to keep asking for the result after the cashier said ok, before leaving it to the push.
export const CONFIRM_DELAYS = Object.freeze([1_000, 2_000, 3_000, 5_000, 8_000])

const editable = (target) => Boolean(target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))

// 「/」 focuses a page's search box, unless the user is typing somewhere.
export function isSearchShortcut(event) {
  return event?.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !editable(event.target)
}

// Ctrl+Enter (⌘+Enter on macOS) submits a multi-line note.
export function isSubmitChord(event) {
  return event?.key === 'Enter' && Boolean(event.ctrlKey || event.metaKey) && !event.altKey && !event.isComposing
}

// Query string of the staff lists, leaving out empty filters.
export function listQuery(params) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''))
  return search.size ? `?${search}` : ''
}
