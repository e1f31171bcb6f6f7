// Triage service (智能导诊, R13): the assessment call and the rules the patient pages apply before and after it.
// Contract: docs/triage-api.md. The server is the judge of departments and danger signs; this file only shapes
// what the patient entered into a request and what came back into something to show and link to.
const base = '/api/triage'

// The body map's regions, exactly as the Triage API names them. A name it does not know is read as 全身.
export const BODY_REGIONS = Object.freeze([
  '头部', '眼部', '耳部', '鼻部', '口腔', '颈部', '胸部', '乳房', '腹部', '腰部', '背部',
  '肩部', '上肢', '髋部', '膝部', '下肢', '足部', '会阴部', '肛门', '皮肤', '全身',
])
export const WHOLE_BODY = '全身'

// 儿科 sees children under 14 in China; the child figure and the 儿童 choice follow the same line.
export const CHILD_AGE_LIMIT = 14
export const AGE_MAX = 120
export const COMPLAINT_MAX = 500
export const EMERGENCY_PHONE = '120'

export const SEXES = Object.freeze([
  { value: 'M', label: '男' },
  { value: 'F', label: '女' },
])

export function triageApi(api) {
  return {
    // For one of the account's 就诊人 the call is signed in: the health profile fills in what is known, and the doctor
    // sees the answers in 预问诊. For anyone else it stays anonymous.
    // Refused for that patient (403: the account no longer acts for them), the triage itself still answers, anonymously.
    assess: async (request, options) => {
      if (!request?.patientId) return api.post(`${base}/assessments`, request, { ...options, anonymous: true })
      try {
        return await api.post(`${base}/assessments`, request, { ...options, anonymous: false })
      } catch (e) {
        if (e?.status !== 403) throw e
        const { patientId: _, ...anonymousRequest } = request
        return api.post(`${base}/assessments`, anonymousRequest, { ...options, anonymous: true })
      }
    },
    symptoms: (bodyPart, options) =>
      api.get(`${base}/symptoms?bodyPart=${encodeURIComponent(bodyPart)}`, { ...options, anonymous: true }),
  }
}

export function normalizeBodyPart(name) {
  return BODY_REGIONS.includes(name) ? name : WHOLE_BODY
}

// Identity keeps gender as male/female and only the birth year beside a masked ID number; the age is the year
// difference, which the patient can correct.
export function sexOfGender(gender) {
  if (gender === 'male' || gender === 'M') return 'M'
  if (gender === 'female' || gender === 'F') return 'F'
  return ''
}

export function ageOfBirthYear(birthYear, today = new Date()) {
  const year = Number(birthYear)
  if (!Number.isInteger(year) || year < 1900) return null
  const age = today.getFullYear() - year
  return age >= 0 && age <= AGE_MAX ? age : null
}

// Who the triage is for, prefilled from a 就诊人 (or empty for someone not on the account).
export function subjectOfPatient(patient, today = new Date()) {
  if (!patient) return { patientId: '', name: '', age: null, sex: '' }
  return {
    patientId: patient.id,
    name: patient.name ?? '',
    age: ageOfBirthYear(patient.birthYear, today),
    sex: sexOfGender(patient.gender),
  }
}

export function isChild(age) {
  return Number.isInteger(age) && age < CHILD_AGE_LIMIT
}

// Which drawing the body map shows.
export function figureOf({ age, sex }) {
  if (isChild(age)) return 'child'
  return sex === 'F' ? 'female' : 'male'
}

export function subjectErrors({ age, sex }) {
  const errors = {}
  if (age === null || age === undefined || age === '') errors.age = '请填写年龄'
  else if (!Number.isInteger(Number(age)) || Number(age) < 0 || Number(age) > AGE_MAX) errors.age = `年龄应为 0–${AGE_MAX} 的整数`
  if (sex !== 'M' && sex !== 'F') errors.sex = '请选择性别'
  return errors
}

// The complaint the scorer reads: the chips the patient picked, then their own words, in Chinese punctuation.
export function complaintText(symptoms, freeText) {
  const picked = [...new Set((symptoms ?? []).map((s) => String(s).trim()).filter(Boolean))]
  const own = String(freeText ?? '').trim()
  const parts = own ? [...picked, own] : picked
  return parts.join('，').slice(0, COMPLAINT_MAX)
}

// Answers keyed by question id; unanswered questions are left out so the server can tell "no" from "not asked".
export function answersOf(answers) {
  const out = {}
  for (const [id, value] of Object.entries(answers ?? {})) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && !value.length) continue
    out[id] = value
  }
  return out
}

export function assessmentRequest({ age, sex, bodyPart, symptoms, freeText, answers, patientId }) {
  const request = {
    age: Number(age),
    sex,
    bodyPart: normalizeBodyPart(bodyPart),
    complaint: complaintText(symptoms, freeText),
  }
  const given = answersOf(answers)
  if (Object.keys(given).length) request.answers = given
  if (patientId) request.patientId = patientId
  return request
}

// score is 0–1 from the server; the bar shows whole percent.
export function scorePercent(score) {
  const n = Number(score)
  if (!Number.isFinite(n)) return 0
  return Math.round(Math.min(1, Math.max(0, n)) * 100)
}

// A reason is text, or an object naming the symptom and what it led to.
export function reasonText(reason) {
  if (typeof reason === 'string') return reason
  if (!reason || typeof reason !== 'object') return ''
  return reason.text ?? reason.description ?? reason.message ?? [reason.symptom, reason.rule].filter(Boolean).join('：')
}

const sameName = (a, b) => String(a ?? '').trim() === String(b ?? '').trim()

// The department the patient can book for a triage answer: Scheduling's department with the Hospital department's
// code (the Triage answer carries the Hospital id), else the one with the same name.
export function bookableDepartment(answer, hospitalDepartments, schedulingDepartments) {
  const scheduling = schedulingDepartments ?? []
  const direct = scheduling.find((d) => d.id === answer?.departmentId)
  if (direct) return direct
  const hospital = (hospitalDepartments ?? []).find((d) => d.id === answer?.departmentId)
  const code = answer?.code ?? hospital?.code
  return (code && scheduling.find((d) => d.code === code))
    || scheduling.find((d) => sameName(d.name, answer?.name ?? hospital?.name))
    || null
}

export function bookingRoute(schedulingDepartment) {
  if (!schedulingDepartment) return null
  return { name: 'booking', query: { campus: schedulingDepartment.campus, departmentId: schedulingDepartment.id } }
}

// The emergency department as the Hospital service lists it: the one the triage advice names, else 急诊科 by code or
// name, else the advice's own copy (it carries campus, building, floor and phone).
export function emergencyDepartment(hospitalDepartments, advised = null) {
  const list = hospitalDepartments ?? []
  return (advised?.departmentId && list.find((d) => d.id === advised.departmentId))
    || list.find((d) => d.code === 'jzk')
    || list.find((d) => /急诊/.test(d.name ?? ''))
    || advised
    || null
}

// The map place of a department: a department place whose departmentCode matches, else the first department place.
export function departmentPlace(places, departmentCode) {
  const list = (places ?? []).filter((p) => p.kind === 'department')
  return list.find((p) => p.departmentCode === departmentCode) ?? list[0] ?? null
}


const listOf = (value, ...keys) => {
  if (Array.isArray(value)) return value
  for (const key of keys) if (Array.isArray(value?.[key])) return value[key]
  return []
}

// Symptom suggestions for a region, as names (the API may send plain names or objects with a name).
export function symptomNames(response) {
  const names = listOf(response, 'symptoms', 'items').map((s) => (typeof s === 'string' ? s : s?.name ?? s?.label ?? ''))
  return [...new Set(names.map((n) => String(n).trim()).filter(Boolean))]
}

// The follow-up questions an answer asks (yes/no, keyed by code); answers go back as { code: true|false }.
export function followUpQuestions(response) {
  return listOf(response, 'followUpQuestions', 'questions')
    .filter((q) => q && (q.code ?? q.id) && q.text)
    .map((q) => ({
      id: String(q.code ?? q.id),
      text: q.text,
      options: [{ value: true, label: '是' }, { value: false, label: '否' }],
    }))
}

export function unansweredQuestions(response, answers) {
  return followUpQuestions(response).filter((q) => answers?.[q.id] === undefined)
}

// What the scorer recognised in the patient's words: "胸痛（胸口压榨样疼痛）".
export function recognisedText(symptoms) {
  return listOf(symptoms)
    .map((s) => (typeof s === 'string' ? s : s?.matched && s.matched !== s.name ? `${s.name}（${s.matched}）` : s?.name ?? ''))
    .filter(Boolean)
    .join('、')
}

// The emergency warning: the server's advice, with the Chinese message, the danger signs and where 急诊 is.
export function emergencyAdviceOf(response) {
  if (response?.emergency !== true) return null
  const advice = response.emergencyAdvice ?? {}
  return {
    message: advice.message || '',
    reasons: emergencyReasons(response),
    department: advice.department ?? null,
    phone: advice.phone || EMERGENCY_PHONE,
  }
}

export function emergencyReasons(response) {
  return listOf(response?.emergencyAdvice?.reasons ?? response?.redFlags)
    .map((r) => reasonText(r) || r?.name || '')
    .filter(Boolean)
}

export const DISCLAIMER = '智能导诊仅为就诊科室建议，不能替代医生诊断；最终选择由您决定，如病情紧急请立即就医。'
