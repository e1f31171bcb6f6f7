// Pharmacy (处方、出院带药、药品配送、合理用药): the API as the patient H5 and the pharmacist's page call it, and the
// pure rules they share. Contract: docs/pharmacy-api.md.

const id = (value) => encodeURIComponent(value)

// The token lists the account's 就诊人 as they were when it was issued: a 就诊人 added since is unknown to it
// (patient_unknown), so get fresh tokens once and ask again.
export async function withFreshPatients(api, call) {
  try {
    return await call()
  } catch (e) {
    if (e?.code !== 'patient_unknown' || !api.refresh || !(await api.refresh())) throw e
    return call()
  }
}

export function pharmacyApi(raw) {
  const patient = (patientId) => `/api/pharmacy/patients/${id(patientId)}`
  const retrying = (method) => (...args) => withFreshPatients(raw, () => raw[method](...args))
  const api = { get: retrying('get'), put: retrying('put'), post: retrying('post') }
  return {
    prescriptions: (patientId, category) =>
      api.get(`${patient(patientId)}/prescriptions${category ? `?category=${id(category)}` : ''}`),
    prescription: (patientId, prescriptionId) => api.get(`${patient(patientId)}/prescriptions/${id(prescriptionId)}`),
    setReminder: (patientId, prescriptionId, enabled, times) =>
      api.put(`${patient(patientId)}/prescriptions/${id(prescriptionId)}/reminder`, { enabled, times }),
    alerts: (patientId) => api.get(`${patient(patientId)}/alerts`),
    ask: (patientId, question, alertId) => api.post(`${patient(patientId)}/questions`, { question, alertId }),
    questions: (patientId) => api.get(`${patient(patientId)}/questions`),
    regions: () => api.get('/api/pharmacy/delivery/regions'),
    addresses: () => api.get('/api/pharmacy/me/addresses'),
    addAddress: (address) => api.post('/api/pharmacy/me/addresses', address),
    createDelivery: (patientId, prescriptionIds, addressId) => api.post('/api/pharmacy/deliveries', { patientId, prescriptionIds, addressId }),
    deliveries: (patientId) => api.get(`${patient(patientId)}/deliveries`),
    delivery: (patientId, deliveryId) => api.get(`${patient(patientId)}/deliveries/${id(deliveryId)}`),
    cancelDelivery: (patientId, deliveryId) => api.post(`${patient(patientId)}/deliveries/${id(deliveryId)}/cancel`),
  }
}

export function pharmacistApi(api) {
  return {
    alerts: (status) => api.get(`/api/pharmacy/pharmacist/alerts${status ? `?status=${id(status)}` : ''}`),
    review: (alertId, note) => api.post(`/api/pharmacy/pharmacist/alerts/${id(alertId)}/review`, { note }),
    deliveries: (status) => api.get(`/api/pharmacy/pharmacist/deliveries${status ? `?status=${id(status)}` : ''}`),
    release: (deliveryId) => api.post(`/api/pharmacy/pharmacist/deliveries/${id(deliveryId)}/release`, {}),
    questions: () => api.get('/api/pharmacy/pharmacist/questions'),
    answer: (questionId, answer) => api.post(`/api/pharmacy/pharmacist/questions/${id(questionId)}/answer`, { answer }),
    drugs: (q) => api.get(`/api/pharmacy/drugs${q ? `?q=${id(q)}` : ''}`),
    updateDrug: (code, leaflet) => api.put(`/api/pharmacy/drugs/${id(code)}`, leaflet),
  }
}

export const SEVERITY_TEXT = Object.freeze({ high: '高风险', moderate: '中风险', low: '低风险' })
export const ALERT_KIND_TEXT = Object.freeze({
  allergy: '过敏冲突', interaction: '药物相互作用', duplicate: '重复用药', dose: '剂量异常', age: '年龄禁忌', pregnancy: '孕期用药',
})

// The delivery's progress as a timeline of the five steps the patient follows; a step is done once the order reached
// it (a courier event may arrive late, the order never goes back), the current one is active.
export const DELIVERY_STEPS = Object.freeze([
  { status: 'paid', text: '已支付' },
  { status: 'packed', text: '已打包' },
  { status: 'handed-over', text: '已交快递' },
  { status: 'in-transit', text: '运输中' },
  { status: 'delivered', text: '已签收' },
])

const RANK = { 'awaiting-payment': 0, paid: 1, packed: 2, 'handed-over': 3, 'in-transit': 4, delivered: 5 }

export function deliveryProgress(status) {
  const rank = RANK[status] ?? -1
  return DELIVERY_STEPS.map((step) => ({
    ...step,
    state: RANK[step.status] < rank ? 'done' : RANK[step.status] === rank ? (status === 'delivered' ? 'done' : 'active') : 'todo',
  }))
}

// Index of the active step for van-steps (the last done one when delivered; -1 before payment).
export function activeStepIndex(status) {
  const progress = deliveryProgress(status)
  const active = progress.findIndex((s) => s.state === 'active')
  if (active >= 0) return active
  const done = progress.filter((s) => s.state === 'done').length
  return done - 1
}

// 'HH:mm' strings to the Chinese the elder-mode page reads out: 08:00 → 早上 8:00.
export function doseTimeText(time) {
  const [h, m] = String(time).split(':').map(Number)
  if (!Number.isFinite(h) || !Number.isFinite(m)) return ''
  const part = h < 10 ? '早上' : h < 14 ? '中午' : h < 19 ? '傍晚' : '晚上'
  return `${part} ${h}:${String(m).padStart(2, '0')}`
}

export function yuanOfFen(fen) {
  return (Number(fen ?? 0) / 100).toFixed(2)
}
