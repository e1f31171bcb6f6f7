// The platform's APIs the mini-program calls: the same URLs and bodies as the patient H5 (gateway/web/shared).
const http = require('./http.js')

const id = (value) => encodeURIComponent(value)

function query(params) {
  const pairs = Object.keys(params)
    .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== '')
    .map((k) => `${k}=${encodeURIComponent(params[k])}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

const identity = {
  miniProgramLogin: (code, intent) => http.post('/api/wechat/miniprogram/login', intent ? { code, intent } : { code }, { anonymous: true }),
  token: (form) => http.postForm(http.TOKEN_PATH, form, { anonymous: true }),
  sendSmsCode: (phone) => http.post('/api/identity/sms-codes', { phone, purpose: 'login' }, { anonymous: true }),
  sendMfaSms: (mfaToken) => http.post('/api/identity/mfa/sms', { mfaToken }, { anonymous: true }),
  me: () => http.get('/api/identity/me'),
  startWeChatBinding: () => http.post('/api/identity/me/wechat/intents'),
  redeemWeChatBinding: (ticket) => http.post('/api/identity/me/wechat/pending', { ticket }),
  confirmWeChatBinding: () => http.post('/api/identity/me/wechat'),
  cancelWeChatBinding: () => http.request('DELETE', '/api/identity/me/wechat/pending'),
  bindPhone: (code) => http.post('/api/identity/me/phone/wechat', { code }),
  patients: () => http.get('/api/identity/me/patients'),
  handover: () => http.post('/api/identity/me/handover'),
  preferences: () => http.get('/api/identity/me/preferences'),
  savePreferences: (preferences) => http.put('/api/identity/me/preferences', preferences),
}

const scheduling = {
  departments: () => http.get('/api/scheduling/departments', { anonymous: true }),
  schedule: (departmentId, days = 14) => http.get(`/api/scheduling/schedule${query({ departmentId, days })}`, { anonymous: true }),
  slots: (sessionId) => http.get(`/api/scheduling/slots${query({ sessionId })}`, { anonymous: true }),
  book: ({ slotId, patientId }, idempotencyKey) =>
    http.post('/api/scheduling/appointments', { slotId, patientId }, { headers: { 'Idempotency-Key': idempotencyKey } }),
  appointments: () => http.get('/api/scheduling/appointments'),
  appointment: (appointmentId) => http.get(`/api/scheduling/appointments/${id(appointmentId)}`),
  cancel: (appointmentId) => http.post(`/api/scheduling/appointments/${id(appointmentId)}/cancel`, {}),
}

const payment = {
  ordersFor: (sourceId) => http.get(`/api/payment/orders${query({ sourceId })}`),
  order: (orderId) => http.get(`/api/payment/orders/${id(orderId)}`),
  pay: (orderId) => http.post(`/api/payment/orders/${id(orderId)}/pay`, { channel: 'miniprogram' }),
  query: (orderId) => http.post(`/api/payment/orders/${id(orderId)}/query`, {}),
}

const notification = {
  messages: (before) => http.get(`/api/notification/messages${query({ limit: 20, before })}`),
  unreadCount: () => http.get('/api/notification/messages/unread-count'),
  markRead: (messageId) => http.post(`/api/notification/messages/${id(messageId)}/read`),
  subscriptionTemplates: () => http.get('/api/notification/miniprogram/subscriptions/templates'),
  recordSubscriptions: (results) => http.post('/api/notification/miniprogram/subscriptions', { results }),
}

const queue = {
  mine: () => http.get('/api/queue/me'),
}

module.exports = { identity, scheduling, payment, notification, queue, query }
