// Recorded shapes of the real APIs (the DTOs in services/*/Apis and Application), with made-up values.
const ids = {
  department: '0193a5e0-0000-7000-8000-000000000101',
  doctor: '0193a5e0-0000-7000-8000-000000000201',
  session: '0193a5e0-0000-7000-8000-000000000301',
  slot: '0193a5e0-0000-7000-8000-000000000401',
  slot2: '0193a5e0-0000-7000-8000-000000000402',
  self: '0193a5e0-0000-7000-8000-000000000501',
  mother: '0193a5e0-0000-7000-8000-000000000502',
  appointment: '0193a5e0-0000-7000-8000-000000000601',
  order: '0193a5e0-0000-7000-8000-000000000701',
}

const tokens = (n = 1) => ({ access_token: `access-${n}`, token_type: 'Bearer', expires_in: 3600, refresh_token: `refresh-${n}` })

const problem = (status, code, title, detail, extra = {}) => ({ type: 'about:blank', title, status, detail, code, ...extra })

// TokenApi.Problem: code + error (RFC 6749) as extensions.
const bindRequired = () =>
  problem(400, 'wechat_bind_required', '微信尚未绑定账号', '请使用账号密码登录并确认绑定微信，之后即可微信一键登录', { error: 'wechat_bind_required' })

const mfaRequired = (methods, mfaToken) =>
  problem(400, 'mfa_required', '需要二次验证', '请输入动态验证码完成登录', { error: 'mfa_required', methods, ...(mfaToken ? { mfaToken } : {}) })

const departments = [
  { id: ids.department, code: '0101', name: '心血管内科', campus: '本部', location: '门诊楼3层', slotMinutes: 15 },
  { id: '0193a5e0-0000-7000-8000-000000000102', code: '0201', name: '儿科', campus: '本部', location: '门诊楼2层', slotMinutes: 10 },
]

const schedule = {
  releaseTime: '08:00', releaseDaysAhead: 7,
  days: [
    {
      date: '2026-12-08', released: true, releasesAt: '2026-12-01T00:00:00+00:00',
      sessions: [{
        id: ids.session, doctorId: ids.doctor, doctorName: '王建国', doctorTitle: '主任医师', period: 'AM',
        startsAt: '2026-12-08T00:30:00+00:00', endsAt: '2026-12-08T04:00:00+00:00', feeFen: 5000, capacity: 20, remaining: 7, status: 'open',
      }],
    },
    { date: '2026-12-09', released: false, releasesAt: '2026-12-02T00:00:00+00:00', sessions: [] },
  ],
}

const slots = [
  { id: ids.slot, sessionId: ids.session, departmentId: ids.department, doctorId: ids.doctor, doctorName: '王建国',
    startsAt: '2026-12-08T00:30:00+00:00', endsAt: '2026-12-08T01:00:00+00:00', capacity: 2, remaining: 1, feeFen: 5000, status: 'open' },
  { id: ids.slot2, sessionId: ids.session, departmentId: ids.department, doctorId: ids.doctor, doctorName: '王建国',
    startsAt: '2026-12-08T01:00:00+00:00', endsAt: '2026-12-08T01:30:00+00:00', capacity: 2, remaining: 0, feeFen: 5000, status: 'full' },
]

const patients = [
  { id: ids.self, relation: 'self', name: '张三', idType: 'resident_id', idNumberMasked: '1101************12', phoneMasked: '138****0000',
    gender: 'male', birthYear: 1960, verified: true, verifiedBy: 'id_card', isSelf: true, sharingConsent: false },
  { id: ids.mother, relation: 'parent', name: '李秀英', idType: 'resident_id', idNumberMasked: '1101************21', phoneMasked: '139****1111',
    gender: 'female', birthYear: 1938, verified: true, verifiedBy: 'id_card', isSelf: false, sharingConsent: false },
]

function appointment(status, extra = {}) {
  const text = { locking: '锁号中', awaitingPayment: '待支付', booked: '已预约', failed: '预约失败' }[status]
  return {
    id: ids.appointment, patientId: ids.self, slotId: ids.slot, sessionId: ids.session, departmentId: ids.department,
    departmentName: '心血管内科', doctorId: ids.doctor, doctorName: '王建国', location: '门诊楼3层', startsAt: slots[0].startsAt,
    endsAt: slots[0].endsAt, feeFen: 5000, status, statusText: text, failureReason: null, canCancel: status !== 'failed',
    cancelDeadline: '2026-12-07T22:30:00+00:00', createdAt: '2026-12-07T02:00:00+00:00',
    steps: [{ status: 'locking', statusText: '锁号中', at: '2026-12-07T02:00:00+00:00' }],
    refundRequestedAt: null, refundOwedFen: 0, remindedAt: null,
    holdExpiresAt: status === 'awaitingPayment' ? '2026-12-07T02:15:00+00:00' : null, paidFen: status === 'booked' ? 5000 : 0,
    ...extra,
  }
}

function order(status) {
  return {
    id: ids.order, kind: 'registration', kindText: '挂号费', sourceId: ids.appointment, patientId: ids.self, description: '心血管内科 王建国 挂号费',
    amountFen: 5000, status, statusText: status === 'paid' ? '已支付' : '待支付', createdAt: '2026-12-07T02:00:01+00:00',
    expiresAt: '2026-12-07T02:15:00+00:00', paidAt: status === 'paid' ? '2026-12-07T02:01:00+00:00' : null, refundedFen: 0, refunds: [],
    eInvoice: null, reversals: null, payableFen: 5000, insurance: null,
  }
}

const requestPayment = {
  timeStamp: '1796522460', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100',
  signType: 'RSA', paySign: 'oR9d8PuhnIc+YZ8cBHFCwfgpaK9gd7vaRvkYD7rthRAZ/X+QBhcCYL21N7cHCTUxbQ+EAt6Uy+lwSN22f5YZvI45MLko8Pfso0jm46v5hqcVwrk6uddkGuT+Cdvu4WBqDzaDjnNa5UK3GfE1Wfl2gHxIIY5lLdUgWFts17D4WuolLLkiFZV+JSHMvH7eaLdT9N5GBovBwu5yYKUR7skR8Fu+LozcSqQixnlEZUfyE55feLOQTUYzLmR9xNGbdp0+TiUb6gPiw1Egns0hmuRwRV03GU4WaTXqpTY3GBfOUrW4m3UHG7W2pjS6Hm3Ys0bEZqTcTWNh7n8lFV0mUYrgw==',
}

const messages = (n, from = 0) => Array.from({ length: n }, (_, i) => ({
  id: `0193a5e0-0000-7000-8000-${String(900000 + from + i).padStart(12, '0')}`, patientId: ids.self, category: 'appointment',
  title: i === 0 && from === 0 ? '预约成功' : `就诊提醒 ${from + i}`, body: '您已预约 12月8日 周二 08:30 心血管内科 王建国', link: `/appointments/${ids.appointment}`,
  severity: 'info', createdAt: new Date(Date.UTC(2026, 11, 7, 2, 0) - (from + i) * 60000).toISOString(), readAt: i % 2 ? '2026-12-07T03:00:00+00:00' : null,
}))

const myQueue = [{
  ticketId: '0193a5e0-0000-7000-8000-000000000801', queueId: '0193a5e0-0000-7000-8000-000000000802', appointmentId: ids.appointment,
  patientId: ids.self, number: 12, status: 'waiting', statusText: '候诊中', departmentName: '心血管内科', doctorName: '王建国',
  location: '门诊楼3层 5诊室', appointmentStartsAt: slots[0].startsAt, checkedInAt: '2026-12-08T00:20:00+00:00', peopleAhead: 3,
  waitingCount: 9, callingNumber: 9, estimatedWaitMinutes: 18, minutesPerPatient: 6, kind: 'clinic',
}]

module.exports = { ids, tokens, problem, bindRequired, mfaRequired, departments, schedule, slots, patients, appointment, order, requestPayment, messages, myQueue }
