// 预约挂号's steps after the patient taps 确认预约: the subscribe prompt, the booking (the HIS locks the slot
// asynchronously), the registration fee through wx.requestPayment, and the server's confirmation of both. The server
// is the only judge: the cashier's ok is no proof of payment, so the order is queried until paid.
const { scheduling, payment, notification } = require('./api.js')
const wxp = require('./wxp.js')
const format = require('./format.js')

const timing = require('./timing.js')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function poll(fetch, done, tries) {
  let last = null
  for (let i = 0; i < tries; i++) {
    last = await fetch()
    if (done(last)) return last
    await sleep(timing.pollMs)
  }
  return last
}

const ANSWERS = ['accept', 'reject', 'ban']

// The one-time subscriptions (预约成功、就诊提醒…) asked right before booking, as WeChat requires a user tap for the
// prompt. A refusal or an error never stops the booking.
async function askSubscriptions() {
  try {
    const answer = await notification.subscriptionTemplates()
    const list = Array.isArray(answer) ? answer : answer.templates || answer.items || []
    const tmplIds = answer.tmplIds || list.map((t) => (typeof t === 'string' ? t : t.templateId || t.id)).filter(Boolean)
    if (!tmplIds.length) return { asked: false }
    const prompt = await wxp.requestSubscribeMessage(tmplIds.slice(0, 3))
    if (!prompt.ok) return { asked: true, recorded: false }
    const results = {}
    tmplIds.slice(0, 3).forEach((id) => {
      if (ANSWERS.indexOf(prompt.result[id]) >= 0) results[id] = prompt.result[id]
    })
    if (Object.keys(results).length) await notification.recordSubscriptions(results)
    return { asked: true, recorded: true, results }
  } catch (e) {
    return { asked: false, error: e }
  }
}

function book(slotId, patientId, idempotencyKey) {
  return scheduling.book({ slotId, patientId }, idempotencyKey)
}

// Until the HIS has answered the lock: 待支付, 已预约 or 预约失败.
function settle(appointmentId) {
  return poll(() => scheduling.appointment(appointmentId), (a) => a.status !== 'locking', timing.lockingTries)
}

async function findOrder(appointmentId) {
  const list = await poll(() => payment.ordersFor(appointmentId), (l) => l.items && l.items.length > 0, timing.orderTries)
  return (list && list.items && list.items[0]) || null
}

const wasPaid = (status) => ['paid', 'refunding', 'refunded', 'partiallyRefunded'].indexOf(status) >= 0

// → { status: 'paid' | 'cancelled' | 'unconfirmed' | 'closed', order }
async function pay(order) {
  let how
  try {
    how = await payment.pay(order.id)
  } catch (e) {
    if (e.code !== 'order_paid') throw e
    how = null
  }
  if (how) {
    if (how.channel !== 'miniprogram' || !how.requestPayment) throw new Error('支付方式不可用，请稍后重试')
    const paid = await wxp.requestPayment(how.requestPayment)
    if (!paid.ok && paid.cancelled) return { status: 'cancelled', order }
  }
  const confirmed = await poll(() => payment.query(order.id), (o) => wasPaid(o.status) || o.status === 'closed', timing.paidTries)
  if (confirmed && wasPaid(confirmed.status)) return { status: 'paid', order: confirmed }
  return { status: confirmed && confirmed.status === 'closed' ? 'closed' : 'unconfirmed', order: confirmed || order }
}

// The booked appointment once payment has reached the HIS.
function untilFinal(appointmentId) {
  return poll(() => scheduling.appointment(appointmentId), (a) => format.isFinal(a.status), timing.lockingTries)
}

module.exports = { timing, askSubscriptions, book, settle, findOrder, pay, untilFinal, wasPaid }
