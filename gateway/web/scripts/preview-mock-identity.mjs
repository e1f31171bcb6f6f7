// DEV-ONLY fake of the Identity API for scripts/preview-mock.mjs, so the account pages can be looked at
// without the backend. In-memory, no real security: tokens are unsigned, SMS codes are printed to the console.
// It also answers the two simulator control endpoints the acceptance tests use, so they can be tried against
// this preview (PLATFORM_SMS_SIM_URL / PLATFORM_REALNAME_SIM_URL pointing here): GET /$sim/messages?phone= and
// POST /$sim/people. Production uses services/Identity/Identity.API behind nginx.
import { createHmac, randomBytes, randomUUID, randomInt } from 'node:crypto'

const AGREEMENTS = {
  registration: { title: '用户注册协议', paragraphs: 24 },
  privacy: { title: '个人信息保护政策', paragraphs: 24 },
  booking: { title: '预约服务协议', paragraphs: 24 },
}
const VERSION = '2026.1'
const GUIDE = {
  title: '注册说明',
  steps: [
    { title: '阅读注册说明', detail: '了解注册流程和需要准备的材料。' },
    { title: '阅读并同意协议', detail: '阅读用户注册协议和个人信息保护政策，滑动到底部后点击同意。' },
    { title: '设置账号', detail: '输入手机号和短信验证码，设置用户名和密码。' },
    { title: '实名认证', detail: '填写本人姓名和证件号码，选择身份证、社保卡或银行卡完成认证。' },
    { title: '添加家人', detail: '可为父母、子女等家人添加就诊人，最多 5 位。' },
  ],
  materials: ['本人手机（接收短信验证码）', '本人有效身份证件', '社保卡或银行卡（选择该认证方式时）', '为未满 14 周岁儿童添加时：监护人本人证件'],
}

const accounts = []
const smsLog = []
const people = new Map([['110101199003071233', '张三'], ['11010519850615201X', '李四'], ['44030420150301002X', '王小明']])
let lastSmsAt = new Map()

function agreementBody(kind) {
  const spec = AGREEMENTS[kind]
  return Array.from({ length: spec.paragraphs }, (_, i) =>
    `第${i + 1}条　本条为${spec.title}的演示文本（仅用于本地预览）。医院将依法保护您的个人信息，仅在提供诊疗服务所必需的范围内收集和使用。`).join('\n\n')
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
function totpCode(secret, step) {
  let bits = ''
  for (const c of secret) bits += BASE32.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const hash = createHmac('sha1', key).update(counter).digest()
  const offset = hash[19] & 0xf
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}
// ±1 step of 30 s, and a step once used cannot be used again.
function totpValid(account, secret, code) {
  const now = Math.floor(Date.now() / 30_000)
  for (const step of [now - 1, now, now + 1]) {
    if (step > (account.lastTotpStep ?? -1) && totpCode(secret, step) === code) {
      account.lastTotpStep = step
      return true
    }
  }
  return false
}
const newSecret = () => Array.from(randomBytes(16), (b) => BASE32[b & 31]).join('')

function fakeJwt(claims) {
  const encode = (o) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, exp: Math.floor(Date.now() / 1000) + 900 })}.mock`
}

function tokensFor(account) {
  account.refresh = randomUUID()
  const access = fakeJwt({ sub: account.id, name: account.username, role: account.role, pid: account.patients.map((p) => p.id) })
  account.access = access
  return { access_token: access, refresh_token: account.refresh, expires_in: 900, token_type: 'Bearer' }
}

const mask = {
  phone: (v) => `${v.slice(0, 3)}****${v.slice(7)}`,
  id: (v) => `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`,
}

function publicPatient(p) {
  const { idNumber, phone, ...rest } = p
  return { ...rest, idNumberMasked: mask.id(idNumber), phoneMasked: mask.phone(phone) }
}

function seedAccount(username, password, role, phone) {
  const account = { id: randomUUID(), username, password, role, phone, patients: [], accepted: [], mfa: { totp: false, sms: false }, failures: [] }
  accounts.push(account)
  return account
}
const demo = seedAccount('demo', 'Demo@2026', 'patient', '13800000001')
demo.accepted.push({ kind: 'registration', version: VERSION, acceptedAt: new Date().toISOString(), channel: 'h5' },
  { kind: 'privacy', version: VERSION, acceptedAt: new Date().toISOString(), channel: 'h5' })
demo.patients.push({ id: randomUUID(), relation: 'self', name: '张三', idType: 'resident_id', idNumber: '110101199003071233', phone: '13800000001', gender: 'male', birthDate: '1990-03-07', verified: true, verifiedBy: 'id_card', isSelf: true })
for (const [name, password, role, phone] of [['admin', 'Admin@2026', 'staff', '13800000002'], ['doctor01', 'Doctor@2026', 'doctor', '13800000003']]) {
  const staff = seedAccount(name, password, role, phone)
  staff.mfa.totp = true
  staff.totpSecret = 'JBSWY3DPEHPK3PXP'
}

function sendCode(phone, purpose) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  smsLog.unshift({ id: randomUUID(), phone, template: purpose === 'login' ? 'login_code' : 'verification_code', params: { code, minutes: '5' }, code, sentAt: new Date().toISOString() })
  console.log(`[mock sms] ${phone} ${purpose}: ${code}`)
}

function codeMatches(phone, code) {
  const entry = smsLog.find((m) => m.phone === phone && !m.used)
  if (!entry || entry.code !== code) return false
  entry.used = true
  return true
}

export async function handleIdentity(req, res, url, { send, problem, readBody }) {
  const path = url.pathname.replace(/^\/api\/identity/, '')
  const method = req.method
  const json = async () => { try { return JSON.parse((await readBody(req)) || '{}') } catch { return {} } }
  const account = accounts.find((a) => a.access && req.headers.authorization === `Bearer ${a.access}`)
  const unauthorized = () => problem(res, 401, '未登录', '请先登录', 'unauthenticated')

  const agreement = path.match(/^\/agreements\/(\w+)\/current$/)
  if (agreement && AGREEMENTS[agreement[1]]) {
    const kind = agreement[1]
    return send(res, 200, { kind, version: VERSION, title: AGREEMENTS[kind].title, body: agreementBody(kind), publishedAt: '2026-01-01T00:00:00Z' })
  }
  if (path === '/guides/registration') return send(res, 200, GUIDE)
  if (path === '/sms-codes' && method === 'POST') {
    const { phone, purpose } = await json()
    if (!/^1[3-9]\d{9}$/.test(phone ?? '')) return problem(res, 400, '手机号格式不正确', '请输入 11 位手机号', 'validation', { phone: ['请输入 11 位手机号'] })
    if (Date.now() - (lastSmsAt.get(phone) ?? 0) < 60_000) return problem(res, 429, '操作过于频繁', '请 60 秒后再获取验证码', 'rate_limited')
    lastSmsAt.set(phone, Date.now())
    sendCode(phone, purpose)
    return send(res, 202, { sent: true, resendAfterSeconds: 60 })
  }
  if (path === '/accounts' && method === 'POST') {
    const body = await json()
    const kinds = (body.acceptedAgreements ?? []).map((a) => a.kind)
    if (!kinds.includes('registration') || !kinds.includes('privacy')) return problem(res, 400, '请先同意协议', '请阅读并同意用户注册协议和个人信息保护政策', 'agreement_required')
    if (accounts.some((a) => a.username.toLowerCase() === String(body.username).toLowerCase()))
      return problem(res, 400, '用户名已被使用', '请换一个用户名', 'validation', { username: ['用户名已被使用'] })
    if (accounts.some((a) => a.phone === body.phone) || !codeMatches(body.phone, body.smsCode))
      return problem(res, 400, '注册失败', '验证码错误或已过期', 'registration_failed')
    const created = seedAccount(body.username, body.password, 'patient', body.phone)
    created.accepted = body.acceptedAgreements.map((a) => ({ ...a, acceptedAt: new Date().toISOString(), channel: req.headers['x-client-channel'] ?? 'h5' }))
    return send(res, 201, { accountId: created.id, tokens: tokensFor(created) })
  }
  if (path === '/connect/token' && method === 'POST') {
    const form = new URLSearchParams(await readBody(req))
    if (form.get('grant_type') === 'refresh_token') {
      const owner = accounts.find((a) => a.refresh && a.refresh === form.get('refresh_token'))
      return owner ? send(res, 200, tokensFor(owner)) : send(res, 400, { code: 'invalid_grant', title: '登录已失效', status: 400 }, 'application/problem+json')
    }
    const name = form.get('username') ?? ''
    const found = accounts.find((a) => a.username === name || a.phone === name)
    if (found) found.failures = found.failures.filter((t) => Date.now() - t < 15 * 60_000)
    if (found && found.failures.length >= 5) return problem(res, 400, '账号已锁定', '密码错误次数过多，账号已锁定，请15分钟后再试', 'locked')
    if (!found || found.password !== form.get('password')) {
      found?.failures.push(Date.now())
      return problem(res, 400, '用户名或密码错误', '用户名或密码错误', 'invalid_credentials')
    }
    const staffClient = ['doctor', 'admin'].includes(form.get('client_id'))
    const needsMfa = staffClient || found.mfa.totp || found.mfa.sms
    if (needsMfa && !/^\d{6}$/.test(form.get('otp') ?? ''))
      return send(res, 400, { code: 'mfa_required', title: '需要两步验证', status: 400, methods: found.mfa.sms ? ['totp', 'sms'] : ['totp'] }, 'application/problem+json')
    const otpOk = form.get('otp_method') === 'sms' ? codeMatches(found.phone, form.get('otp')) : found.totpSecret && totpValid(found, found.totpSecret, form.get('otp'))
    if (needsMfa && !otpOk) return problem(res, 400, '验证码错误', '动态验证码错误或已过期，请重新输入', 'invalid_otp')
    return send(res, 200, tokensFor(found))
  }
  if (path === '/mfa/sms' && method === 'POST') {
    const { username, password } = await json()
    const found = accounts.find((a) => a.username === username || a.phone === username)
    if (!found || found.password !== password) return problem(res, 400, '用户名或密码错误', '用户名或密码错误', 'invalid_credentials')
    sendCode(found.phone, 'login')
    return send(res, 202, { sent: true, resendAfterSeconds: 60 })
  }
  if (path === '/connect/revoke') {
    const form = new URLSearchParams(await readBody(req))
    for (const a of accounts) if (a.refresh === form.get('token')) a.refresh = null
    return send(res, 200, {})
  }
  if (!path.startsWith('/me')) return problem(res, 404, '资源不存在', '请求的接口不存在', 'not_found')
  if (!account) return unauthorized()
  return handleMe(req, res, path, method, account, { send, problem, json })
}

async function handleMe(req, res, path, method, account, { send, problem, json }) {
  if (path === '/me' && method === 'GET')
    return send(res, 200, { id: account.id, username: account.username, phoneMasked: mask.phone(account.phone), mfa: account.mfa, createdAt: new Date().toISOString() })
  if (path === '/me' && method === 'DELETE') {
    const { password } = await json()
    if (password !== account.password) return problem(res, 400, '密码错误', '密码不正确', 'invalid_credentials')
    accounts.splice(accounts.indexOf(account), 1)
    return send(res, 202, { retained: ['病历、检查检验报告等医疗记录（依法保存 30 年）', '收费票据和结算记录（依法保存）'] })
  }
  if (path === '/me/agreements' && method === 'GET') {
    const pending = Object.keys(AGREEMENTS).filter((kind) => !account.accepted.some((a) => a.kind === kind && a.version === VERSION))
      .map((kind) => ({ kind, version: VERSION, title: AGREEMENTS[kind].title }))
    return send(res, 200, { accepted: account.accepted, pending })
  }
  if (path === '/me/agreements' && method === 'POST') {
    const { kind, version } = await json()
    if (!AGREEMENTS[kind] || version !== VERSION) return problem(res, 400, '协议版本不是最新', '请重新阅读最新版本', 'agreement_version')
    account.accepted.push({ kind, version, acceptedAt: new Date().toISOString(), channel: req.headers['x-client-channel'] ?? 'h5' })
    return send(res, 204, '')
  }
  if (path === '/me/mfa/totp' && method === 'POST') {
    account.pendingSecret = newSecret()
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/><rect x="20" y="20" width="60" height="60"/><rect x="120" y="20" width="60" height="60"/><rect x="20" y="120" width="60" height="60"/><text x="100" y="110" font-size="14" text-anchor="middle">MOCK QR</text></svg>`
    return send(res, 200, { secret: account.pendingSecret, otpauthUri: `otpauth://totp/mock:${account.username}?secret=${account.pendingSecret}`, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` })
  }
  if (path === '/me/mfa/totp/confirm' || (path === '/me/mfa/totp' && method === 'DELETE')) {
    const { code } = await json()
    const secret = method === 'DELETE' ? account.totpSecret : account.pendingSecret
    if (!secret || !totpValid(account, secret, code)) return problem(res, 400, '验证码错误', '验证码错误或已过期', 'invalid_otp')
    account.mfa.totp = method !== 'DELETE'
    account.totpSecret = method === 'DELETE' ? null : secret
    return send(res, 204, '')
  }
  if (path === '/me/mfa/sms' && method === 'PUT') {
    account.mfa.sms = Boolean((await json()).enabled)
    return send(res, 204, '')
  }
  if (path === '/me/export') return send(res, 200, { account: { username: account.username, phone: mask.phone(account.phone) }, patients: account.patients.map(publicPatient), agreements: account.accepted })
  if (path === '/me/patients' && method === 'GET') return send(res, 200, account.patients.map(publicPatient))
  if (path === '/me/patients' && method === 'POST') return addPatient(res, account, await json(), { send, problem })
  const one = path.match(/^\/me\/patients\/([^/]+)$/)
  const patient = one && account.patients.find((p) => p.id === one[1])
  if (!patient) return problem(res, 404, '就诊人不存在', '未找到该就诊人', 'not_found')
  if (method === 'GET') return send(res, 200, publicPatient(patient))
  if (method === 'DELETE') {
    if (patient.isSelf) return problem(res, 400, '不能删除本人', '本人不能删除', 'cannot_remove_self')
    account.patients.splice(account.patients.indexOf(patient), 1)
    return send(res, 204, '')
  }
  return problem(res, 405, '不支持的操作', '不支持的请求方法', 'method_not_allowed')
}

async function addPatient(res, account, body, { send, problem }) {
  if (account.patients.length >= 5) return problem(res, 409, '就诊人已满', '每个账号最多 5 位就诊人', 'patient_limit')
  await new Promise((resolve) => setTimeout(resolve, 1200))
  if (body.relation === 'self' && account.patients.some((p) => p.isSelf)) return problem(res, 400, '本人已添加', '本人只能添加一次', 'validation', { relation: ['本人只能添加一次'] })
  if (people.get(String(body.idNumber).toUpperCase()) !== body.name) return problem(res, 422, '信息不一致', '实名认证未通过：信息不一致', 'realname_mismatch')
  const birth = body.idType === 'resident_id' ? `${body.idNumber.slice(6, 10)}-${body.idNumber.slice(10, 12)}-${body.idNumber.slice(12, 14)}` : null
  const created = {
    id: randomUUID(), relation: body.relation, name: body.name, idType: body.idType, idNumber: body.idNumber, phone: body.phone,
    gender: birth && Number(body.idNumber[16]) % 2 ? 'male' : 'female', birthDate: birth, verified: true, verifiedBy: body.method, isSelf: body.relation === 'self',
  }
  account.patients.push(created)
  return send(res, 201, publicPatient(created))
}

export async function handleSimulatorControl(req, res, url, { send, readBody }) {
  if (url.pathname === '/$sim/messages') return send(res, 200, smsLog.filter((m) => m.phone === url.searchParams.get('phone')))
  if (url.pathname === '/$sim/people' && req.method === 'POST') {
    const person = JSON.parse(await readBody(req))
    people.set(String(person.idNumber).toUpperCase(), person.name)
    return send(res, 201, { name: person.name, idNumber: person.idNumber })
  }
  return send(res, 404, { code: 'NOT_FOUND' })
}
