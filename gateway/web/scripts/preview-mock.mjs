#!/usr/bin/env node
// DEV-ONLY preview server with a FAKE backend. Never used in production (nginx serves the
// built apps and the real services answer /api and /hubs there).
//
// Serves the built apps the way nginx does (/ → patient, /doctor/ → doctor, /admin/ → admin,
// each with SPA fallback) and fakes just enough of the contract to look at the pages:
//   GET/PUT /api/hospital/departments[/{id}], the Identity API (/api/identity/..., see preview-mock-identity.mjs),
//   and a SignalR hub at /hubs/notifications over Server-Sent Events (JSON protocol) that sends
//   hospitalChanged after every PUT.
// Usage: node scripts/preview-mock.mjs [--port 4173] [--identity-backend http://127.0.0.1:5101]
//   --identity-backend forwards /api/identity/ to a real Identity service instead of the fake one, to try the
//   pages (and the acceptance tests) against it before nginx routes it.
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { handleIdentity, handleSimulatorControl } from './preview-mock-identity.mjs'

const webRoot = fileURLToPath(new URL('..', import.meta.url))
const portArg = process.argv.indexOf('--port')
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.PORT || 4173)
const RS = '\u001e'
const identityArg = process.argv.indexOf('--identity-backend')
const identityBackend = identityArg > 0 ? process.argv[identityArg + 1].replace(/\/$/, '') : null

// Forwards the request as is (method, headers, body, client address) and streams the answer back.
async function forward(req, res, target) {
  const body = ['GET', 'HEAD'].includes(req.method) ? undefined : Buffer.from(await readBody(req))
  const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' }
  for (const hopByHop of ['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']) delete headers[hopByHop]
  const answer = await fetch(target, { method: req.method, headers, body, redirect: 'manual' })
  const out = {}
  answer.headers.forEach((value, key) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(key)) out[key] = value
  })
  res.writeHead(answer.status, out)
  res.end(Buffer.from(await answer.arrayBuffer()))
}

const apps = [
  { base: '/admin/', dir: join(webRoot, 'admin', 'dist') },
  { base: '/doctor/', dir: join(webRoot, 'doctor', 'dist') },
  { base: '/', dir: join(webRoot, 'patient', 'dist') },
]

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

const seed = [
  ['NK', '心血管内科', '本部院区', '门诊楼', '3楼', '010-6000-1001', '开展冠心病、高血压、心律失常的诊治，设胸痛中心。'],
  ['SJNK', '神经内科', '本部院区', '门诊楼', '4楼', '010-6000-1002', '脑血管病、癫痫、帕金森病的诊断与治疗。'],
  ['PTWK', '普通外科', '本部院区', '外科楼', '2楼', '010-6000-1003', '肝胆胰、胃肠、甲状腺与乳腺外科手术。'],
  ['EK', '儿科', '本部院区', '门诊楼', '2楼', '010-6000-1004', '儿童常见病、多发病及新生儿疾病诊治。'],
  ['FCK', '妇产科', '本部院区', '妇儿楼', '3楼', '010-6000-1005', '孕产期保健、妇科肿瘤与微创手术。'],
  ['YK', '眼科', '东院区', '2号楼', '1楼', '010-6000-2001', '白内障、青光眼、眼底病诊治。'],
  ['KQK', '口腔科', '东院区', '2号楼', '2楼', '010-6000-2002', '口腔内科、修复、正畸与种植。'],
  ['PFK', '皮肤科', '东院区', '1号楼', '3楼', '010-6000-2003', '湿疹、银屑病、痤疮等皮肤病诊治。'],
  ['ZYK', '中医科', '东院区', '1号楼', '4楼', '010-6000-2004', '中医内科调理、针灸与推拿。'],
]
const departments = seed.map(([code, name, campus, building, floor, phone, summary]) => ({
  id: randomUUID(),
  code,
  name,
  campus,
  building,
  floor,
  phone,
  summary,
  updatedAt: new Date().toISOString(),
}))

function send(res, status, body, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body))
}

function problem(res, status, title, detail, code, errors) {
  send(res, status, { type: 'about:blank', title, status, detail, code, ...(errors ? { errors } : {}) },
    'application/problem+json; charset=utf-8')
}

async function readBody(req) {
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

function validate(body, id) {
  const errors = {}
  const name = typeof body.name === 'string' ? body.name.trim() : ''
  if (name.length < 1 || name.length > 50) errors.name = ['科室名称须为 1 到 50 个字']
  else if (departments.some((d) => d.id !== id && d.name === name)) errors.name = ['已存在同名科室']
  if (body.phone && !/^[0-9-]+$/.test(body.phone)) errors.phone = ['电话只能包含数字和短横线']
  return errors
}

// --- fake SignalR hub (JSON protocol over Server-Sent Events) ---
const hubConnections = new Map()

function broadcast(target, ...args) {
  const frame = JSON.stringify({ type: 1, target, arguments: args }) + RS
  for (const conn of hubConnections.values()) if (conn.stream) conn.stream.write(`data: ${frame}\n\n`)
}

async function handleHub(req, res, url) {
  if (url.pathname.endsWith('/negotiate') && req.method === 'POST') {
    const id = randomUUID()
    hubConnections.set(id, { stream: null, handshaken: false })
    return send(res, 200, {
      negotiateVersion: 1,
      connectionId: id,
      connectionToken: id,
      availableTransports: [{ transport: 'ServerSentEvents', transferFormats: ['Text'] }],
    })
  }
  const id = url.searchParams.get('id')
  const conn = id && hubConnections.get(id)
  if (!conn) return send(res, 404, '')
  if (req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' })
    res.write(':\n\n')
    conn.stream = res
    const ping = setInterval(() => res.write(`data: ${JSON.stringify({ type: 6 })}${RS}\n\n`), 10_000)
    req.on('close', () => {
      clearInterval(ping)
      hubConnections.delete(id)
    })
    return undefined
  }
  if (req.method === 'POST') {
    const text = await readBody(req)
    if (!conn.handshaken && text.includes('"protocol"')) {
      conn.handshaken = true
      conn.stream?.write(`data: {}${RS}\n\n`)
    }
    return send(res, 200, '', 'text/plain')
  }
  if (req.method === 'DELETE') {
    conn.stream?.end()
    hubConnections.delete(id)
    return send(res, 202, '')
  }
  return send(res, 405, '')
}

async function handleApi(req, res, url) {
  if (url.pathname.startsWith('/api/identity/') && identityBackend) return forward(req, res, identityBackend + url.pathname + url.search)
  if (url.pathname.startsWith('/api/identity/')) return handleIdentity(req, res, url, { send, problem, readBody })
  if (url.pathname === '/api/hospital/departments' && req.method === 'GET') return send(res, 200, departments)
  const match = url.pathname.match(/^\/api\/hospital\/departments\/([^/]+)$/)
  if (!match) return problem(res, 404, '资源不存在', '请求的接口不存在', 'not_found')
  const dept = departments.find((d) => d.id === match[1])
  if (!dept) return problem(res, 404, '科室不存在', '未找到该科室', 'hospital.department_not_found')
  if (req.method === 'GET') return send(res, 200, dept)
  if (req.method !== 'PUT') return problem(res, 405, '不支持的操作', '不支持的请求方法', 'method_not_allowed')
  if (!/^Bearer .+/.test(req.headers.authorization ?? ''))
    return problem(res, 401, '未登录', '请先登录后再操作', 'auth.unauthenticated')
  let body
  try {
    body = JSON.parse(await readBody(req))
  } catch {
    return problem(res, 400, '请求格式错误', '请求内容不是有效的 JSON', 'bad_request')
  }
  const errors = validate(body, dept.id)
  if (Object.keys(errors).length) return problem(res, 400, '提交的信息有误', '请按提示修改后再保存', 'validation', errors)
  Object.assign(dept, {
    name: body.name.trim(),
    summary: body.summary ?? '',
    phone: body.phone ?? '',
    building: body.building ?? '',
    floor: body.floor ?? '',
    updatedAt: new Date().toISOString(),
  })
  broadcast('hospitalChanged', { kind: 'department', id: dept.id, name: dept.name, changedAt: dept.updatedAt })
  return send(res, 200, dept)
}

async function serveStatic(req, res, url) {
  const app = apps.find((a) => url.pathname.startsWith(a.base)) ??
    apps.find((a) => `${url.pathname}/` === a.base)
  if (!app) return send(res, 404, 'not found', 'text/plain')
  if (`${url.pathname}/` === app.base) {
    res.writeHead(301, { Location: app.base })
    return res.end()
  }
  const relative = normalize(decodeURIComponent(url.pathname.slice(app.base.length))).replace(/^(\.\.[/\\])+/, '')
  let file = join(app.dir, relative)
  const isFile = await stat(file).then((s) => s.isFile()).catch(() => false)
  if (!isFile) {
    if (extname(relative)) return send(res, 404, 'not found', 'text/plain')
    file = join(app.dir, 'index.html')
  }
  try {
    send(res, 200, await readFile(file), types[extname(file)] ?? 'application/octet-stream')
  } catch {
    send(res, 404, `build ${app.base} first: npm run build`, 'text/plain; charset=utf-8')
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`)
  try {
    if (url.pathname.startsWith('/hubs/notifications')) return await handleHub(req, res, url)
    if (url.pathname.startsWith('/$sim/') && !identityBackend) return await handleSimulatorControl(req, res, url, { send, readBody })
    if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url)
    return await serveStatic(req, res, url)
  } catch (error) {
    console.error(error)
    if (!res.headersSent) problem(res, 500, '服务器错误', '模拟服务器出错', 'mock.error')
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`DEV-ONLY mock preview: http://127.0.0.1:${port}/  /doctor/  /admin/`)
})
