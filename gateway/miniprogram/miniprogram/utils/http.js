const config = require('./config.js')
const storage = require('./storage.js')
const { ApiError } = require('./problem.js')

const TOKEN_PATH = '/api/identity/connect/token'

// The binding confirmation is tied to the device by an HttpOnly cookie (platform.wxbind) the server sets on
// /api/identity/me/wechat/*; wx.request keeps no cookies, so the few it sets there are kept in memory and sent back
// only there. They never go to storage or to any other path.
const cookieJar = {}
const COOKIE_SCOPE = '/api/identity/me/wechat'

function rememberCookies(path, res) {
  if (!path.startsWith(COOKIE_SCOPE)) return
  const raw = [].concat(res.cookies || [], headerValue(res.header, 'set-cookie') || [])
  raw.forEach((line) => {
    String(line).split(/,(?=\s*[A-Za-z0-9_.-]+=)/).forEach((cookie) => {
      const [pair, ...attributes] = cookie.split(';')
      const at = pair.indexOf('=')
      if (at <= 0) return
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()))
      if (!value || expired) delete cookieJar[name]
      else cookieJar[name] = value
    })
  })
}

function cookieHeader(path) {
  if (!path.startsWith(COOKIE_SCOPE)) return null
  const pairs = Object.keys(cookieJar).map((name) => `${name}=${cookieJar[name]}`)
  return pairs.length ? pairs.join('; ') : null
}

function headerValue(header, name) {
  if (!header) return null
  const key = Object.keys(header).find((k) => k.toLowerCase() === name)
  return key ? header[key] : null
}

function encodeForm(fields) {
  return Object.keys(fields)
    .filter((k) => fields[k] !== undefined && fields[k] !== null && fields[k] !== '')
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(fields[k])}`)
    .join('&')
}

function send({ method, path, json, form, headers, anonymous }) {
  const header = { Accept: 'application/json, application/problem+json', ...(headers || {}) }
  const token = anonymous ? null : storage.accessToken()
  if (token) header.Authorization = `Bearer ${token}`
  const cookie = cookieHeader(path)
  if (cookie) header.Cookie = cookie
  let data
  if (form !== undefined) {
    header['Content-Type'] = 'application/x-www-form-urlencoded'
    data = encodeForm(form)
  } else if (json !== undefined) {
    header['Content-Type'] = 'application/json'
    data = json
  }
  return new Promise((resolve) => {
    wx.request({
      url: config.current().apiBase + path,
      method,
      header,
      data,
      dataType: 'json',
      success: (res) => {
        rememberCookies(path, res)
        resolve(res)
      },
      fail: () => resolve({ statusCode: 0, data: null }),
    })
  })
}

// One refresh at a time: the server spends a refresh token on first use and treats a second use as theft.
let refreshing = null

function refreshTokens() {
  if (refreshing) return refreshing
  const refreshToken = storage.refreshToken()
  if (!refreshToken) return Promise.resolve(false)
  refreshing = send({
    method: 'POST', path: TOKEN_PATH, anonymous: true,
    form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: config.current().clientId },
  }).then((res) => {
    refreshing = null
    if (res.statusCode === 200 && res.data && res.data.access_token) {
      storage.storeTokens(res.data)
      return true
    }
    if (res.statusCode !== 0) storage.clearTokens()
    return false
  })
  return refreshing
}

const listeners = { unauthorized: [] }

// JSON in and out, the bearer token from storage, a 401 refreshed once, problem details thrown as ApiError.
async function request(method, path, options = {}) {
  let res = await send({ method, path, ...options })
  if (res.statusCode === 401 && !options.anonymous && (await refreshTokens())) res = await send({ method, path, ...options })
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data === '' ? null : res.data
  if (res.statusCode === 401 && !options.anonymous) listeners.unauthorized.forEach((fn) => fn())
  throw new ApiError(res.statusCode, res.data && typeof res.data === 'object' ? res.data : null)
}

module.exports = {
  TOKEN_PATH,
  request,
  get: (path, options) => request('GET', path, options),
  post: (path, json, options = {}) => request('POST', path, { ...options, json: json === undefined ? {} : json }),
  put: (path, json, options = {}) => request('PUT', path, { ...options, json }),
  postForm: (path, form, options = {}) => request('POST', path, { ...options, form }),
  onUnauthorized(fn) {
    listeners.unauthorized.push(fn)
  },
  refreshTokens,
  forgetCookies() {
    Object.keys(cookieJar).forEach((k) => delete cookieJar[k])
  },
}
