// FollowUp (满意度调查、投诉建议、随访): the API as the patient H5 and the admin console call it, and the pure rules
// they share. Contract: docs/followup-api.md.
import { withFreshPatients } from './pharmacy.js'

const id = (value) => encodeURIComponent(value)

export const PURPOSES = Object.freeze([
  { value: 'satisfaction', label: '满意度调查' },
  { value: 'followup', label: '随访问卷' },
  { value: 'recruitment', label: '临床研究招募' },
])

export const QUESTION_TYPES = Object.freeze([
  { value: 'rating', label: '星级评分' },
  { value: 'choice', label: '单选' },
  { value: 'multiple', label: '多选' },
  { value: 'text', label: '文字' },
  { value: 'nps', label: '推荐度（0-10）' },
  { value: 'number', label: '数值' },
])

export const TRIGGERS = Object.freeze([
  { value: 'visit', label: '就诊后' },
  { value: 'discharge', label: '出院后' },
  { value: 'exam', label: '检查检验后' },
])

export const triggerText = (value) => TRIGGERS.find((t) => t.value === value)?.label ?? value

export const COMPLAINT_STATUS_TEXT = Object.freeze({
  submitted: '已提交',
  routed: '已转交处理部门',
  acknowledged: '处理中',
  replied: '医院已回复',
  closed: '已办结',
})

export const PHOTO_TYPES = Object.freeze(['image/jpeg', 'image/png', 'image/webp'])
// A phone's camera photo (often 3–8 MB) is shrunk on the phone before it is sent; what is sent may be at most 1.5 MB
// (the server's limit), so four of them stay under the edge's 10 MB body limit.
export const PHOTO_MAX_ORIGINAL_BYTES = 20 * 1024 * 1024
export const PHOTO_MAX_BYTES = 1.5 * 1024 * 1024
export const PHOTO_MAX_COUNT = 4
export const PHOTO_MAX_SIDE = 1600

// Why a chosen photo cannot be sent, or '' when it can (the server checks the bytes again).
export function photoProblem(file, count = 0) {
  if (count >= PHOTO_MAX_COUNT) return `最多上传${PHOTO_MAX_COUNT}张照片`
  if (!PHOTO_TYPES.includes(file?.type)) return '只能上传 JPG、PNG 或 WebP 图片'
  if (file.size > PHOTO_MAX_ORIGINAL_BYTES) return '照片太大，请换一张'
  return ''
}

// The size a photo is redrawn at: its longer side at most PHOTO_MAX_SIDE, never enlarged.
export function shrunkSize(width, height, maxSide = PHOTO_MAX_SIDE) {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return { width: Math.round(width * scale), height: Math.round(height * scale) }
}

const hasAnswer = (a) => a && (a.number !== null && a.number !== undefined || (a.choices?.length ?? 0) > 0 || (a.text ?? '').trim() !== '')

// The answers worth saving: empty ones are left out, so a half-filled survey saves only what was given.
export function answersToSave(items, values) {
  return items.flatMap((item) => {
    const v = values[item.linkId]
    let answer
    if (item.type === 'rating' || item.type === 'nps' || item.type === 'number') {
      answer = { linkId: item.linkId, number: v === '' || v === null || v === undefined ? null : Number(v) }
    } else if (item.type === 'choice') {
      answer = { linkId: item.linkId, choices: v ? [v] : [] }
    } else if (item.type === 'multiple') {
      answer = { linkId: item.linkId, choices: Array.isArray(v) ? v : [] }
    } else {
      answer = { linkId: item.linkId, text: v ?? '' }
    }
    return hasAnswer(answer) ? [answer] : []
  })
}

// The form's values from saved answers (the inverse of answersToSave).
export function valuesFromAnswers(items, answers) {
  const byId = Object.fromEntries((answers ?? []).map((a) => [a.linkId, a]))
  return Object.fromEntries(items.map((item) => {
    const a = byId[item.linkId]
    if (item.type === 'rating' || item.type === 'nps' || item.type === 'number') return [item.linkId, a?.number ?? null]
    if (item.type === 'choice') return [item.linkId, a?.choices?.[0] ?? '']
    if (item.type === 'multiple') return [item.linkId, a?.choices ?? []]
    return [item.linkId, a?.text ?? '']
  }))
}

// Required questions still unanswered, in order.
export function missingRequired(items, values) {
  const given = new Set(answersToSave(items, values).map((a) => a.linkId))
  return items.filter((i) => i.required && !given.has(i.linkId))
}

export function progressText(answered, total) {
  return total ? `已答 ${answered}/${total} 题` : ''
}

export function followUpApi(raw) {
  const patient = (patientId) => `/api/followup/patients/${id(patientId)}`
  const retrying = (method) => (...args) => withFreshPatients(raw, () => raw[method](...args))
  const api = { get: retrying('get'), put: retrying('put'), post: retrying('post'), getBlob: retrying('getBlob') }
  return {
    surveys: (patientId) => api.get(`${patient(patientId)}/surveys`),
    survey: (surveyId) => api.get(`/api/followup/surveys/${id(surveyId)}`),
    saveAnswers: (surveyId, answers, submit = false) => api.put(`/api/followup/surveys/${id(surveyId)}/answers`, { answers, submit }),
    visits: (patientId) => api.get(`${patient(patientId)}/visits`),
    preferences: (patientId) => api.get(`${patient(patientId)}/preferences`),
    setPreferences: (patientId, prefs) => api.put(`${patient(patientId)}/preferences`, prefs),
    categories: () => api.get('/api/followup/complaint-categories'),
    complaints: (patientId) => api.get(`${patient(patientId)}/complaints`),
    submitComplaint: (patientId, complaint) => api.post(`${patient(patientId)}/complaints`, complaint),
    complaint: (complaintId) => api.get(`/api/followup/complaints/${id(complaintId)}`),
    answerBack: (complaintId, text) => api.post(`/api/followup/complaints/${id(complaintId)}/messages`, { text }),
    rate: (complaintId, rating, comment) => api.post(`/api/followup/complaints/${id(complaintId)}/rating`, { rating, comment }),
    photo: (complaintId, photoId) => api.getBlob(`/api/followup/complaints/${id(complaintId)}/photos/${id(photoId)}`),
  }
}

export function followUpAdminApi(api) {
  const admin = '/api/followup/admin'
  const query = (params) => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString()
    return q ? `?${q}` : ''
  }
  return {
    questionnaires: () => api.get(`${admin}/questionnaires`),
    createQuestionnaire: (q) => api.post(`${admin}/questionnaires`, q),
    updateQuestionnaire: (qid, q) => api.put(`${admin}/questionnaires/${id(qid)}`, q),
    complaints: (status, group) => api.get(`${admin}/complaints${query({ status, group })}`),
    complaint: (cid) => api.get(`${admin}/complaints/${id(cid)}`),
    photo: (cid, photoId) => api.getBlob(`${admin}/complaints/${id(cid)}/photos/${id(photoId)}`),
    acknowledge: (cid) => api.post(`${admin}/complaints/${id(cid)}/acknowledge`, {}),
    reply: (cid, text) => api.post(`${admin}/complaints/${id(cid)}/reply`, { text }),
    routingRules: () => api.get(`${admin}/routing-rules`),
    addRoutingRule: (rule) => api.post(`${admin}/routing-rules`, rule),
    deleteRoutingRule: (rid) => api.delete(`${admin}/routing-rules/${id(rid)}`),
    contacts: () => api.get(`${admin}/contacts`),
    addContact: (contact) => api.post(`${admin}/contacts`, contact),
    deleteContact: (cid) => api.delete(`${admin}/contacts/${id(cid)}`),
    alerts: (group) => api.get(`${admin}/alerts${query({ group })}`),
    myDesk: () => api.get(`${admin}/staff/me`),
    claimComplaintsOffice: () => api.post(`${admin}/staff/me/complaints-office`, {}),
    staffMembers: () => api.get(`${admin}/staff`),
    putStaffMember: (accountId, member) => api.put(`${admin}/staff/${id(accountId)}`, member),
    deleteStaffMember: (accountId) => api.delete(`${admin}/staff/${id(accountId)}`),
    planTemplates: () => api.get(`${admin}/plan-templates`),
    createPlanTemplate: (t) => api.post(`${admin}/plan-templates`, t),
    startPlan: (patientId, templateId, startAt) => api.post(`${admin}/plans`, { patientId, templateId, startAt }),
    targetingRules: () => api.get(`${admin}/targeting-rules`),
    createTargetingRule: (r) => api.post(`${admin}/targeting-rules`, r),
    stats: (days) => api.get(`${admin}/stats${query({ days })}`),
    response: (rid) => api.get(`${admin}/responses/${id(rid)}`),
    patientResponses: (patientId) => api.get(`${admin}/patients/${id(patientId)}/responses`),
  }
}

// What staff type as a study's diagnoses (E11, 2型糖尿病; one per line or separated by commas) as the list the API keeps:
// trimmed, no blanks, no repeats (ICD-10 codes compare without case).
export function conditionTerms(text) {
  const seen = new Set()
  return String(text ?? '')
    .split(/[,，、;；\n]+/)
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t.toUpperCase()) && seen.add(t.toUpperCase()))
}

// The same list split for the department-assignment form (management departments, one per line or comma-separated).
export const departmentList = conditionTerms

// Chart series for scores by department over the weeks: one line per department, gaps where a week had no answers.
export function scoreSeries(scores, field = 'averageRating') {
  const weeks = [...new Set(scores.map((s) => s.week))].sort()
  const departments = [...new Set(scores.map((s) => s.department))].sort()
  return {
    weeks,
    series: departments.map((d) => ({
      name: d,
      data: weeks.map((w) => scores.find((s) => s.department === d && s.week === w)?.[field] ?? null),
    })),
  }
}

// One answer as staff read it: the number, the chosen options or the text.
export function answerText(item, answer) {
  if (!answer) return '未答'
  if (answer.number !== null && answer.number !== undefined) return item?.type === 'rating' ? `${answer.number} 星` : String(answer.number)
  if (answer.choices?.length) return answer.choices.join('、')
  return answer.text || '未答'
}
