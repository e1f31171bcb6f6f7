// The running stack as the queue bench uses it: the edge's HTTP API, Identity's sign-ins (a doctor with the demo
// authenticator, patients registered through the SMS simulator and real-name verified), and Scheduling's booked event
// published on the broker the way MassTransit's outbox dispatcher publishes it.
import { createHmac, randomInt, randomUUID } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import amqp from 'amqplib'
import { env, log, sleep } from '../lib/hub-bench.mjs'

export const EDGE = env('PLATFORM_EDGE_URL', 'http://127.0.0.1:8080')
export const SMS_SIM = env('PLATFORM_SMS_SIM_URL', 'http://127.0.0.1:5302')
export const REALNAME_SIM = env('PLATFORM_REALNAME_SIM_URL', 'http://127.0.0.1:5303')
export const AMQP_URI = env('PLATFORM_AMQP_URI', 'amqp://platform:platform-dev-password@127.0.0.1:55672/platform')
export const RABBIT_MGMT = env('PLATFORM_RABBIT_MGMT', 'http://127.0.0.1:55673')
const RABBIT_AUTH = 'Basic ' + Buffer.from(`${env('PLATFORM_RABBIT_USER', 'platform')}:${env('PLATFORM_RABBIT_PASSWORD', 'platform-dev-password')}`).toString('base64')

export async function call(method, path, { token, body, form } = {}) {
  const headers = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body) headers['content-type'] = 'application/json'
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded'
  const response = await fetch(path.startsWith('http') ? path : EDGE + path, {
    method, headers, body: body ? JSON.stringify(body) : form ? new URLSearchParams(form).toString() : undefined,
  })
  const text = await response.text()
  let json = null
  try { json = text ? JSON.parse(text) : null } catch { json = { raw: text } }
  return { status: response.status, json }
}

export async function must(method, path, options) {
  const r = await call(method, path, options)
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`)
  return r.json
}

/** Runs `work` over `items`, `width` at a time. */
export async function pool(items, width, work) {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) { const i = next++; await work(items[i], i) }
  }))
}

export async function until(what, check, seconds, every = 500) {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(every)
  }
}

// RFC 6238 with the seeded demo accounts' authenticator secret.
function totp(secret, at) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const h = createHmac('sha1', key).update(counter).digest()
  const o = h[h.length - 1] & 0xf
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/** A clinician's access token, as the doctor workstation gets it (password + authenticator code). A code works once and
 * other test runs may share the account, so neighbouring steps are tried, then the next step. */
export async function clinicianToken({ username, password, clientId, totpSecret }) {
  for (let attempt = 0; attempt < 4; attempt++) {
    for (const offset of [0, 30_000, -30_000]) {
      const r = await call('POST', '/api/identity/connect/token', {
        form: { grant_type: 'password', username, password, client_id: clientId, otp: totp(totpSecret, Date.now() + offset), otp_method: 'totp' },
      })
      if (r.status === 200) return r.json.access_token
      if (r.json?.code !== 'invalid_otp') throw new Error(`clinician sign-in ${username}: ${r.status} ${JSON.stringify(r.json)}`)
    }
    await sleep(30_000)
  }
  throw new Error(`no authenticator code accepted for ${username}`)
}

// GB 11643 resident ID with a valid check character.
function residentId() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const born = new Date(Date.UTC(1950 + randomInt(50), randomInt(12), 1 + randomInt(28)))
  const first17 = `110101${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(randomInt(1000)).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const phone = () => '139' + String(randomInt(100_000_000)).padStart(8, '0')
const NAMES = ['王建国', '李秀英', '张小明', '刘丽华', '陈志强', '杨桂兰', '赵浩然', '黄淑珍']

let agreements
async function currentAgreements() {
  agreements ??= await Promise.all(['registration', 'privacy', 'booking'].map(async (kind) =>
    ({ kind, version: (await must('GET', `/api/identity/agreements/${kind}/current`)).version })))
  return agreements
}

/** A new patient account (SMS code from the simulator) with its own, real-name verified 本人 patient. */
export async function registerPatient() {
  const number = phone()
  const since = new Date(Date.now() - 2000)
  await must('POST', '/api/identity/sms-codes', { body: { phone: number, purpose: 'register' } })
  const code = await until(`SMS code for ${number}`, async () => {
    const messages = await (await fetch(`${SMS_SIM}/$sim/messages?phone=${number}`)).json()
    return messages.find((m) => m.params?.code && new Date(m.sentAt) >= since)?.params.code
  }, 30, 200)
  const username = `bq_${randomUUID().replaceAll('-', '').slice(0, 14)}`
  const password = `Pw#${randomInt(100000, 999999)}ab`
  const registered = await must('POST', '/api/identity/accounts', {
    body: { phone: number, smsCode: code, username, password, acceptedAgreements: await currentAgreements() },
  })
  const tokens = registered.tokens
  for (let attempt = 1; ; attempt++) {
    const name = NAMES[randomInt(NAMES.length)]
    const idNumber = residentId()
    const person = await fetch(`${REALNAME_SIM}/$sim/people`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, idNumber, bankCards: [], socialSecurityCards: [] }),
    })
    if (!person.ok) throw new Error(`real-name simulator: ${person.status}`)
    const r = await call('POST', '/api/identity/me/patients', {
      token: tokens.access_token, body: { relation: 'self', name, idType: 'resident_id', idNumber, phone: number, method: 'id_card' },
    })
    if (r.status < 300) {
      return { username, password, accountId: registered.accountId, patientId: r.json.id, refreshToken: tokens.refresh_token,
        token: tokens.access_token, tokenAt: Date.now() }
    }
    // Random ID numbers of earlier runs may collide: draw another person then.
    if (r.json?.code !== 'already_bound' || attempt >= 5) throw new Error(`adding a patient: ${r.status} ${JSON.stringify(r.json)}`)
  }
}

/** A fresh access token for a kept account: its refresh token (spent and replaced), else its password. */
export async function renewPatient(account) {
  if (account.refreshToken) {
    const r = await call('POST', '/api/identity/connect/token', {
      form: { grant_type: 'refresh_token', refresh_token: account.refreshToken, client_id: 'patient' },
    })
    if (r.status === 200) return { ...account, token: r.json.access_token, refreshToken: r.json.refresh_token ?? null, tokenAt: Date.now() }
  }
  const r = await call('POST', '/api/identity/connect/token', {
    form: { grant_type: 'password', username: account.username, password: account.password, client_id: 'patient', scope: 'offline_access' },
  })
  if (r.status !== 200) return null
  return { ...account, token: r.json.access_token, refreshToken: r.json.refresh_token ?? null, tokenAt: Date.now() }
}

/** The bench accounts of earlier runs (patients cost an SMS code, a registration and a real-name check each). */
export async function loadAccounts(file) {
  try { return JSON.parse(await readFile(file, 'utf8')) } catch { return [] }
}

export async function saveAccounts(file, accounts) {
  await writeFile(file, JSON.stringify(accounts.map(({ token, tokenAt, ...kept }) => kept)), { mode: 0o600 })
}

/** True when no queue on the stack's broker holds undelivered messages (error and skipped queues aside). */
export async function brokerIdle() {
  const queues = await (await fetch(`${RABBIT_MGMT}/api/queues`, { headers: { authorization: RABBIT_AUTH } })).json()
  // A stopped Notification replica's push queue has no consumer and fills until x-expires removes it: not work pending.
  return queues.every((q) => (q.messages ?? 0) === 0 || q.name.endsWith('_error') || q.name.endsWith('_skipped')
    || (q.name.includes('push-requested') && (q.consumers ?? 0) === 0))
}

export async function waitForIdleBroker(seconds) {
  try {
    await until('an idle broker', brokerIdle, seconds, 1000)
  } catch {
    log(`broker still busy after ${seconds}s (other work on the stack?); going on`)
  }
}

/** Publishes integration events on the stack's broker as MassTransit's JSON envelope on the type's fanout exchange. */
export async function eventPublisher() {
  const connection = await amqp.connect(AMQP_URI)
  const channel = await connection.createConfirmChannel()
  const host = new URL(AMQP_URI)
  const publish = (contract, message) => {
    const exchange = contract
    const messageId = randomUUID()
    const now = new Date().toISOString()
    const envelope = {
      messageId, conversationId: messageId,
      sourceAddress: `rabbitmq://${host.host}${host.pathname}/bench-queue`,
      destinationAddress: `rabbitmq://${host.host}${host.pathname}/${exchange}`,
      messageType: [`urn:message:${exchange}`, 'urn:message:Platform.Contracts:IntegrationEvent'],
      message: { id: messageId, occurredAt: now, ...message },
      sentTime: now, headers: {},
    }
    channel.publish(exchange, '', Buffer.from(JSON.stringify(envelope)), {
      contentType: 'application/vnd.masstransit+json', messageId, persistent: true,
    })
  }
  return {
    publish,
    check: (exchange) => channel.checkExchange(exchange),
    flush: () => channel.waitForConfirms(),
    close: () => connection.close(),
  }
}
