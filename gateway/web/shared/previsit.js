// Pre-visit (R12 健康档案, X12 诊前筛查, X17 预问诊) on the Triage service. Contract: docs/triage-api.md.
const base = '/api/triage'
const enc = encodeURIComponent

export function previsitApi(api) {
  return {
    vocabulary: () => api.get(`${base}/health-vocabulary`, { anonymous: true }),
    profile: (patientId) => api.get(`${base}/patients/${enc(patientId)}/health-profile`),
    saveProfile: (patientId, profile, version) => api.put(`${base}/patients/${enc(patientId)}/health-profile`, { profile, version }),
    screenings: () => api.get(`${base}/screenings`),
    screening: (id) => api.get(`${base}/screenings/${enc(id)}`),
    answerScreening: (id, answers, temperature) => api.post(`${base}/screenings/${enc(id)}/answers`, { answers, temperature }),
    preConsultations: (date) => api.get(`${base}/pre-consultations${date ? `?date=${enc(date)}` : ''}`),
    preConsultation: (appointmentId) => api.get(`${base}/pre-consultations/${enc(appointmentId)}`),
  }
}

export const TEXT_MAX = 200
export const ENTRIES_MAX = 30

export function emptyProfile() {
  return { sex: null, birthDate: null, pregnant: false, symptoms: [], history: [], family: [], allergies: [], behaviours: { smoking: null, alcohol: null, exercise: null } }
}

const blank = (s) => !String(s ?? '').trim()
const trimmed = (s) => (blank(s) ? null : String(s).trim())

// What goes to the server: blank rows dropped, text trimmed, a man is never pregnant.
export function profileForSave(profile) {
  const p = { ...emptyProfile(), ...profile }
  return {
    sex: p.sex || null,
    birthDate: p.birthDate || null,
    pregnant: p.sex === 'F' && Boolean(p.pregnant),
    symptoms: p.symptoms.filter((s) => !blank(s.text)).map((s) => ({ text: s.text.trim(), onset: trimmed(s.onset) })),
    history: p.history.filter((h) => !blank(h.name)).map((h) => ({ name: h.name.trim(), since: trimmed(h.since), resolved: Boolean(h.resolved) })),
    family: p.family.filter((f) => !blank(f.condition)).map((f) => ({ relation: f.relation, condition: f.condition.trim() })),
    allergies: p.allergies.filter((a) => !blank(a.substance))
      .map((a) => ({ substance: a.substance.trim(), class: a.class, reaction: trimmed(a.reaction), severity: a.severity || null })),
    behaviours: { smoking: p.behaviours?.smoking || null, alcohol: p.behaviours?.alcohol || null, exercise: p.behaviours?.exercise || null },
  }
}

// Field errors the page shows before sending (the server checks the same and more).
export function profileErrors(profile) {
  const p = profileForSave(profile)
  const errors = {}
  const long = (...values) => values.some((v) => String(v ?? '').length > TEXT_MAX)
  for (const key of ['symptoms', 'history', 'family', 'allergies']) if (p[key].length > ENTRIES_MAX) errors[key] = `最多填写${ENTRIES_MAX}条`
  if (p.symptoms.some((s) => long(s.text, s.onset)) || p.history.some((h) => long(h.name, h.since))
    || p.family.some((f) => long(f.condition)) || p.allergies.some((a) => long(a.substance, a.reaction))) errors.profile = `每项内容最多${TEXT_MAX}字`
  if (p.family.some((f) => !f.relation)) errors.family = '请选择亲属关系'
  if (p.allergies.some((a) => !a.class)) errors.allergies = '请选择过敏物的类别'
  return errors
}

export const OUTCOME = Object.freeze({ mayCome: 'may-come', contactClinic: 'contact-clinic' })

export function outcomeLabel(outcome) {
  if (outcome === OUTCOME.mayCome) return '可按预约时间来院'
  if (outcome === OUTCOME.contactClinic) return '请先联系门诊，暂不要直接来院'
  return '待填写'
}

export function screeningComplete(questions, answers) {
  return (questions ?? []).every((q) => typeof answers?.[q.code] === 'boolean')
}
