// Online consultation (图文咨询 B01, 互联网复诊 X01): the API as the patient H5, the doctor workstation and the
// pharmacist call it, and the chat's pure rules. Contract: docs/consultation-api.md.
import { withFreshPatients } from './pharmacy.js'

const id = (value) => encodeURIComponent(value)
const base = '/api/consultation'

export const KIND_TEXT = Object.freeze({ text: '图文咨询', followup: '互联网复诊' })

export function consultationApi(raw) {
  const retrying = (method) => (...args) => withFreshPatients(raw, () => raw[method](...args))
  const api = { get: retrying('get'), post: retrying('post') }
  const one = (consultationId) => `${base}/consultations/${id(consultationId)}`
  return {
    doctors: (kind, department) =>
      api.get(`${base}/doctors?kind=${id(kind ?? 'text')}${department ? `&department=${id(department)}` : ''}`),
    eligibility: (patientId, practitionerId, urgent = false) =>
      api.post(`${base}/followups/eligibility`, { patientId, practitionerId, urgent }),
    create: (request) => api.post(`${base}/consultations`, request),
    mine: (patientId) => api.get(`${base}/patients/${id(patientId)}/consultations`),
    get: (consultationId) => api.get(one(consultationId)),
    cancel: (consultationId) => api.post(`${one(consultationId)}/cancel`, {}),
    messages: (consultationId, after = 0) => api.get(`${one(consultationId)}/messages?after=${Number(after) || 0}`),
    send: (consultationId, message) => api.post(`${one(consultationId)}/messages`, message),
    read: (consultationId, seq) => api.post(`${one(consultationId)}/read`, { seq }),
    upload: (file, consultationId) => {
      const form = new FormData()
      form.append('file', file)
      if (consultationId) form.append('consultationId', consultationId)
      return raw.upload(`${base}/media`, form)
    },
    prescriptions: (consultationId) => api.get(`${one(consultationId)}/prescriptions`),
    ice: (consultationId) => api.get(`${one(consultationId)}/call/ice`),
    signal: (consultationId, kind, data, callId) => api.post(`${one(consultationId)}/call/signal`, { kind, data, callId }),
  }
}

export function doctorConsultationApi(api) {
  return {
    queue: (ended = false) => api.get(`${base}/doctor/consultations${ended ? '?ended=true' : ''}`),
    offer: () => api.get(`${base}/doctor/offer`),
    setOffer: (offer) => api.put(`${base}/doctor/offer`, offer),
    end: (consultationId, summary) => api.post(`${base}/doctor/consultations/${id(consultationId)}/end`, { summary }),
    prescribe: (consultationId, diagnosis, items) =>
      api.post(`${base}/consultations/${id(consultationId)}/prescriptions`, { diagnosis, items }),
    formulary: () => api.get(`${base}/formulary`),
  }
}

export function pharmacistPrescriptionApi(api) {
  return {
    pending: () => api.get(`${base}/pharmacist/prescriptions`),
    approve: (prescriptionId, note) => api.post(`${base}/pharmacist/prescriptions/${id(prescriptionId)}/approve`, { note }),
    reject: (prescriptionId, note) => api.post(`${base}/pharmacist/prescriptions/${id(prescriptionId)}/reject`, { note }),
  }
}

// Adds what arrived to what the page holds: one entry per number, in order, the newer copy winning (its read receipt).
export function mergeMessages(held, arrived) {
  const bySeq = new Map(held.map((m) => [m.seq, m]))
  for (const m of arrived ?? []) bySeq.set(m.seq, m)
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

export const lastSeq = (messages) => messages.reduce((max, m) => Math.max(max, m.seq), 0)

// What a push says about this page: null when it is about another consultation.
export function pushFor(consultationId, payload) {
  if (!payload || payload.consultationId !== consultationId) return null
  return { change: payload.change, status: payload.status, seq: Number(payload.seq) || 0 }
}

// 已读 / 未读 under one's own messages; nothing under the other side's or the system's.
export function receiptText(message, side) {
  if (message.sender !== side) return ''
  return message.readByOther ? '已读' : '未读'
}

export const isOpen = (status) => status === 'waiting' || status === 'in-progress'

// Time left before the consultation ends by itself, as 「剩余 x小时y分」 ('' when not running).
export function timeLeftText(endsBy, now = Date.now()) {
  if (!endsBy) return ''
  const ms = new Date(endsBy).getTime() - now
  if (!Number.isFinite(ms) || ms <= 0) return ''
  const minutes = Math.floor(ms / 60000)
  const hours = Math.floor(minutes / 60)
  return hours > 0 ? `剩余 ${hours}小时${minutes % 60}分` : `剩余 ${minutes}分钟`
}

// Quick replies the doctor can send with one click; the doctor's own templates are added in the workstation.
export const QUICK_REPLIES = Object.freeze([
  '您好，我是接诊医生，已看到您的描述，请问症状持续多久了？',
  '请补充上传近期的检查报告或患处照片，方便我判断。',
  '请问目前在服用哪些药物？有无药物过敏史？',
  '根据您的描述，建议尽快到医院门诊就诊，必要时完善相关检查。',
  '如出现胸痛、呼吸困难、意识改变等情况，请立即到急诊就诊或拨打120。',
  '请按医嘱规律服药，注意休息，清淡饮食，如有不适随时复诊。',
])

// 随访计划 (X09): a plan the doctor pushes into the chat as a card for the patient to fill in.
export const FOLLOW_UP_TEMPLATES = Object.freeze([
  { key: 'bp', title: '高血压随访', items: ['每日早晚血压（mmHg）', '心率（次/分）', '是否按时服药', '有无头晕头痛'] },
  { key: 'glucose', title: '糖尿病随访', items: ['空腹血糖（mmol/L）', '餐后2小时血糖（mmol/L）', '是否按时服药/注射胰岛素', '有无低血糖反应'] },
  { key: 'post-op', title: '术后随访', items: ['伤口情况', '体温（℃）', '疼痛评分（0-10）', '饮食与排便情况'] },
])

export function followUpCard(template) {
  return JSON.stringify({ type: 'follow-up-plan', title: template.title, items: template.items })
}

export function parseCard(card) {
  try {
    const value = JSON.parse(card)
    return value && typeof value === 'object' && Array.isArray(value.items) ? value : null
  } catch {
    return null
  }
}
