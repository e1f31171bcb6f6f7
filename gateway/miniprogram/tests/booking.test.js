const { test, beforeEach } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')
const f = require('./helpers/fixtures.js')
const timing = require('../miniprogram/utils/timing.js')

beforeEach(() => Object.assign(timing, { pollMs: 1, lockingTries: 20, orderTries: 20, paidTries: 20 }))

function signedIn(wx) {
  wx.setStorageSync('platform.mp.access', 'access-1')
  wx.setStorageSync('platform.mp.refresh', 'refresh-1')
}

test('booking: department → slot → subscribe prompt → book → pay → the booked appointment is shown', async () => {
  const { ids } = f
  let appointmentReads = 0
  let paid = false
  const wx = h.install({
    routes: [
      { method: 'GET', path: '/api/scheduling/departments', reply: { data: f.departments } },
      { method: 'GET', path: '/api/scheduling/schedule', reply: { data: f.schedule } },
      { method: 'GET', path: '/api/scheduling/slots', reply: { data: f.slots } },
      { method: 'GET', path: '/api/identity/me/patients', reply: { data: f.patients } },
      { method: 'GET', path: '/api/notification/miniprogram/subscriptions/templates',
        reply: { data: { templates: [{ templateId: 'tmpl-booked', title: '预约成功通知' }, { templateId: 'tmpl-remind', title: '就诊提醒' }] } } },
      { method: 'POST', path: '/api/notification/miniprogram/subscriptions', reply: { status: 204 } },
      { method: 'POST', path: '/api/scheduling/appointments', reply: { status: 202, data: f.appointment('locking') } },
      {
        method: 'GET', path: `/api/scheduling/appointments/${ids.appointment}`,
        reply: () => {
          appointmentReads += 1
          if (paid) return { data: f.appointment('booked') }
          return { data: f.appointment(appointmentReads < 3 ? 'locking' : 'awaitingPayment') }
        },
      },
      { method: 'GET', path: '/api/payment/orders', reply: (c) => ({ data: { items: c.query.sourceId === ids.appointment ? [f.order('pending')] : [] } }) },
      { method: 'POST', path: `/api/payment/orders/${ids.order}/pay`, reply: { data: { channel: 'miniprogram', requestPayment: f.requestPayment } } },
      { method: 'POST', path: `/api/payment/orders/${ids.order}/query`, reply: () => ({ data: f.order(wx.payments.length ? ((paid = true), 'paid') : 'pending') }) },
    ],
  })
  signedIn(wx)

  // 科室
  const departments = await h.openPage('departments')
  await h.waitFor(() => departments.querySelector(`#department-${ids.department}`), { what: 'departments listed' })
  assert.match(h.text(departments), /心血管内科.*门诊楼3层/)
  h.click(departments, `#department-${ids.department}`)
  const toSlots = (await h.navigated(wx)).url
  assert.match(toSlots, /^\/pages\/slots\/index\?departmentId=/)

  // 号源
  const slots = await h.openPage('slots', Object.fromEntries(new URLSearchParams(toSlots.split('?')[1])))
  await h.waitFor(() => slots.querySelector(`#session-${ids.session}`), { what: 'sessions shown' })
  assert.match(h.text(slots, `#session-${ids.session}`), /王建国.*主任医师.*上午 08:30–12:00.*50\.00 元/)
  h.tap(slots, `#session-${ids.session}`)
  await h.waitFor(() => slots.querySelector(`#slot-${ids.slot}`), { what: 'slots shown' })
  h.tap(slots, `#slot-${ids.slot2}`)
  h.tap(slots, `#slot-${ids.slot}`)
  const toConfirm = (await h.navigated(wx)).url
  assert.equal(wx.navigations.length, 0, 'a full slot cannot be chosen')
  assert.match(toConfirm, /^\/pages\/confirm\/index\?/)

  // 确认预约: 就诊人 defaults to 本人; choose the mother, then book.
  const confirm = await h.openPage('confirm', Object.fromEntries(new URLSearchParams(toConfirm.split('?')[1])))
  await h.waitFor(() => confirm.data.slot, { what: 'slot confirmed' })
  assert.equal(confirm.data.patientId, ids.self)
  const picker = confirm.querySelector('#patients')
  h.tap(picker, `#patient-${ids.mother}`)
  await h.waitFor(() => confirm.data.patientId === ids.mother, { what: 'mother chosen' })
  assert.match(h.text(picker, `#patient-${ids.mother}`), /李秀英.*父母.*已选/)
  h.click(confirm, '#submit')
  await h.waitFor(() => confirm.data.appointment && confirm.data.appointment.status === 'booked' && !confirm.data.step, { what: 'appointment booked' })

  assert.deepEqual(wx.subscribePrompts, [['tmpl-booked', 'tmpl-remind']])
  const recorded = wx.requests.find((r) => r.path === '/api/notification/miniprogram/subscriptions')
  assert.deepEqual(recorded.data, { results: { 'tmpl-booked': 'accept', 'tmpl-remind': 'accept' } })
  const book = wx.requests.find((r) => r.method === 'POST' && r.path === '/api/scheduling/appointments')
  assert.deepEqual(book.data, { slotId: ids.slot, patientId: ids.mother })
  assert.ok(book.header['Idempotency-Key'], 'the booking carries an idempotency key')
  assert.equal(book.header.Authorization, 'Bearer access-1')
  assert.ok(wx.requests.indexOf(recorded) < wx.requests.indexOf(book), 'subscriptions are asked before booking')
  assert.deepEqual(wx.requests.find((r) => r.path.endsWith('/pay')).data, { channel: 'miniprogram' })
  assert.deepEqual(wx.payments, [f.requestPayment].map((p) => ({ ...p, success: undefined, fail: undefined })))
  assert.match(h.text(confirm, '#appointment'), /已预约.*心血管内科 · 王建国.*12-08 周二 08:30–09:00.*门诊楼3层.*50\.00 元/)
  assert.deepEqual(wx.unmatched, [])
})

test('booking: a refused slot shows the server\'s Chinese reason and books nothing more', async () => {
  const wx = h.install({
    routes: [
      { method: 'GET', path: '/api/scheduling/slots', reply: { data: f.slots } },
      { method: 'GET', path: '/api/identity/me/patients', reply: { data: f.patients } },
      { method: 'GET', path: '/api/notification/miniprogram/subscriptions/templates', reply: { data: { templates: [] } } },
      { method: 'POST', path: '/api/scheduling/appointments',
        reply: { status: 409, data: f.problem(409, 'slot_full', '号源已满', '该时段已约满，请选择其他时段') } },
    ],
  })
  signedIn(wx)
  const confirm = await h.openPage('confirm', { sessionId: f.ids.session, slotId: f.ids.slot, name: '心血管内科' })
  h.click(confirm, '#submit')
  await h.waitFor(() => confirm.data.error, { what: 'refusal shown' })
  assert.equal(h.text(confirm, '#error'), '该时段已约满，请选择其他时段')
  assert.equal(wx.subscribePrompts.length, 0, 'no prompt without templates')
  assert.equal(wx.payments.length, 0)
})

test('booking: a cancelled WeChat Pay keeps the appointment payable and does not claim success', async () => {
  const { ids } = f
  const wx = h.install({
    paymentAnswer: 'cancel',
    routes: [
      { method: 'GET', path: '/api/scheduling/slots', reply: { data: f.slots } },
      { method: 'GET', path: '/api/identity/me/patients', reply: { data: f.patients } },
      { method: 'GET', path: '/api/notification/miniprogram/subscriptions/templates', reply: { data: { templates: [] } } },
      { method: 'POST', path: '/api/scheduling/appointments', reply: { status: 202, data: f.appointment('locking') } },
      { method: 'GET', path: `/api/scheduling/appointments/${ids.appointment}`, reply: { data: f.appointment('awaitingPayment') } },
      { method: 'GET', path: '/api/payment/orders', reply: { data: { items: [f.order('pending')] } } },
      { method: 'POST', path: `/api/payment/orders/${ids.order}/pay`, reply: { data: { channel: 'miniprogram', requestPayment: f.requestPayment } } },
    ],
  })
  signedIn(wx)
  const confirm = await h.openPage('confirm', { sessionId: ids.session, slotId: ids.slot })
  h.click(confirm, '#submit')
  await h.waitFor(() => confirm.data.canPay && !confirm.data.step, { what: 'payable again' })
  assert.equal(h.text(confirm, '#appointment-status'), '待支付')
  assert.match(h.text(confirm, '#error'), /支付未完成/)
  assert.ok(confirm.querySelector('#pay'))
})
