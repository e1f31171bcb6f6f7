// Client-side identity rules mirroring the Identity service (the server stays authoritative),
// masking for display, and the Identity API calls the patient app makes.

export const ID_TYPES = Object.freeze([
  { value: 'resident_id', label: '居民身份证' },
  { value: 'hk_macao_permit', label: '港澳居民来往内地通行证' },
  { value: 'taiwan_permit', label: '台湾居民来往大陆通行证' },
  { value: 'foreign_permanent_id', label: '外国人永久居留身份证' },
  { value: 'passport', label: '护照' },
])

export const RELATIONS = Object.freeze([
  { value: 'self', label: '本人' },
  { value: 'parent', label: '父母' },
  { value: 'child', label: '子女' },
  { value: 'spouse', label: '配偶' },
  { value: 'other', label: '其他' },
])

export const VERIFY_METHODS = Object.freeze([
  { value: 'id_card', label: '身份证' },
  { value: 'social_security_card', label: '社保卡' },
  { value: 'bank_card', label: '银行卡' },
])

export function labelOf(list, value) {
  return list.find((item) => item.value === value)?.label ?? value ?? ''
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
// Province-level codes of GB/T 2260 (plus 83 used by residence permits for Taiwan residents).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
])

// GB 11643 check character for the first 17 digits.
export function residentIdCheckChar(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

export function birthDateOfResidentId(idNumber) {
  const value = String(idNumber ?? '').trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(value)) return null
  const [y, m, d] = [Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14))]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
}

// The error to show beside a resident ID number, or '' when it passes the GB 11643 checks.
export function residentIdError(idNumber, today = new Date()) {
  const value = String(idNumber ?? '').trim().toUpperCase()
  if (!value) return '请输入证件号码'
  if (!/^\d{17}[\dX]$/.test(value)) return '身份证号码应为 18 位，最后一位可以是数字或 X'
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return '身份证号码的地区码不正确'
  const birth = birthDateOfResidentId(value)
  if (!birth || birth < '1900-01-01' || birth > isoDate(today)) return '身份证号码中的出生日期不正确'
  if (residentIdCheckChar(value) !== value[17]) return '身份证号码校验位不正确，请核对'
  return ''
}

export function idNumberError(idType, idNumber, today = new Date()) {
  if (idType === 'resident_id') return residentIdError(idNumber, today)
  const value = String(idNumber ?? '').trim()
  if (!value) return '请输入证件号码'
  if (!/^[A-Za-z0-9]{5,20}$/.test(value)) return '证件号码应为 5–20 位字母或数字'
  return ''
}

function isoDate(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000)
  return local.toISOString().slice(0, 10)
}

// Whole years between birthDate (yyyy-mm-dd) and today.
export function ageOn(birthDate, today = new Date()) {
  if (!birthDate) return null
  const [y, m, d] = birthDate.split('-').map(Number)
  let age = today.getFullYear() - y
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--
  return age
}

export function isChildUnder14(idType, idNumber, today = new Date()) {
  if (idType !== 'resident_id') return false
  const age = ageOn(birthDateOfResidentId(idNumber), today)
  return age !== null && age < 14
}

export function phoneError(phone) {
  const value = String(phone ?? '').trim()
  if (!value) return '请输入手机号'
  return /^1[3-9]\d{9}$/.test(value) ? '' : '请输入 11 位中国大陆手机号'
}

export function usernameError(username) {
  const value = String(username ?? '')
  if (!value) return '请输入用户名'
  if (!/^[A-Za-z0-9_]{4,20}$/.test(value)) return '用户名为 4–20 位字母、数字或下划线'
  if (/^\d+$/.test(value)) return '用户名不能全是数字'
  return ''
}

// Live hints under the password field: each rule with whether it is met yet.
export function passwordHints(password, { username = '', phone = '' } = {}) {
  const value = String(password ?? '')
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length
  const lower = value.toLowerCase()
  return [
    { key: 'length', text: '长度 8–32 位', ok: value.length >= 8 && value.length <= 32 },
    { key: 'classes', text: '包含大写字母、小写字母、数字、符号中的至少 3 种', ok: classes >= 3 },
    { key: 'username', text: '不包含用户名', ok: value.length > 0 && !(username && lower.includes(String(username).toLowerCase())) },
    { key: 'phone', text: '不包含手机号', ok: value.length > 0 && !(phone && value.includes(String(phone))) },
  ]
}

export function passwordError(password, context) {
  const failed = passwordHints(password, context).find((hint) => !hint.ok)
  return failed ? `密码需${failed.text}` : ''
}

export function maskPhone(phone) {
  const value = String(phone ?? '')
  return value.length === 11 ? `${value.slice(0, 3)}****${value.slice(7)}` : value
}

// At most the first 4 and last 2 stay (as the server masks), so a birth date shown beside it cannot fill in the rest.
export function maskIdNumber(idNumber) {
  const value = String(idNumber ?? '')
  const [head, tail] = value.length >= 15 ? [4, 2] : value.length >= 8 ? [2, 1] : value.length >= 3 ? [1, 1] : [0, 0]
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + (tail ? value.slice(-tail) : '')
}

export function maskCardNumber(cardNumber) {
  const value = String(cardNumber ?? '').replace(/\s+/g, '')
  return value.length > 8 ? `${value.slice(0, 4)} **** **** ${value.slice(-4)}` : value
}

const base = '/api/identity'

export function identityApi(api) {
  return {
    guide: () => api.get(`${base}/guides/registration`),
    currentAgreement: (kind) => api.get(`${base}/agreements/${kind}/current`),
    sendSmsCode: (phone, purpose) => api.post(`${base}/sms-codes`, { phone, purpose }),
    register: (body) => api.post(`${base}/accounts`, body),
    token: (form) => api.postForm(`${base}/connect/token`, form, { anonymous: true }),
    sendMfaSms: (username, password) => api.post(`${base}/mfa/sms`, { username, password }, { anonymous: true }),
    revoke: (token, clientId) => api.postForm(`${base}/connect/revoke`, { token, client_id: clientId }, { anonymous: true }),
    me: () => api.get(`${base}/me`),
    myAgreements: () => api.get(`${base}/me/agreements`),
    acceptAgreement: (kind, version) => api.post(`${base}/me/agreements`, { kind, version }),
    startTotp: () => api.post(`${base}/me/mfa/totp`),
    confirmTotp: (code) => api.post(`${base}/me/mfa/totp/confirm`, { code }),
    disableTotp: (code) => api.request('DELETE', `${base}/me/mfa/totp`, { json: { code } }),
    setSmsMfa: (enabled) => api.put(`${base}/me/mfa/sms`, { enabled }),
    patients: () => api.get(`${base}/me/patients`),
    addPatient: (body) => api.post(`${base}/me/patients`, body),
    removePatient: (id) => api.request('DELETE', `${base}/me/patients/${encodeURIComponent(id)}`),
    changePassword: (oldPassword, newPassword) => api.post(`${base}/me/password`, { oldPassword, newPassword }),
    resetPassword: (phone, smsCode, newPassword) => api.post(`${base}/password-reset`, { phone, smsCode, newPassword }, { anonymous: true }),
    revokeOtherSessions: () => api.post(`${base}/me/sessions/revoke-others`),
    exportData: () => api.get(`${base}/me/export`),
    preferences: () => api.get(`${base}/me/preferences`),
    savePreferences: (preferences) => api.put(`${base}/me/preferences`, preferences),
    closeAccount: (password) => api.request('DELETE', `${base}/me`, { json: { password } }),
  }
}

// What the token endpoint's refusals mean to the person signing in.
export function loginErrorMessage(error) {
  const code = error?.code ?? error?.problem?.error ?? null
  if (code === 'invalid_credentials' || code === 'invalid_grant') return '用户名或密码错误，请重新输入'
  if (code === 'locked') return error.problem?.detail || '密码错误次数过多，密码登录已暂停，请15分钟后再试，或使用短信验证码登录'
  if (code === 'invalid_otp') return error.problem?.detail || '验证码错误或已过期，请重新输入'
  if (code === 'invalid_sms_code') return '短信验证码错误或已过期，请重新获取'
  if (code === 'too_many_attempts') return error.problem?.detail || '登录失败次数过多，请稍后再试'
  return null
}

export function isMfaRequired(error) {
  return error?.code === 'mfa_required'
}

export function mfaMethods(error) {
  const methods = error?.problem?.methods
  return Array.isArray(methods) && methods.length ? methods : ['totp']
}
