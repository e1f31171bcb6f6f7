import { ApiError } from './problem.js'
import { clearTokens, getToken, storeTokenResponse } from './auth.js'

export const TOKEN_PATH = '/api/identity/connect/token'

async function readBody(response) {
  const text = await response.text()
  if (!text) return null
  const type = response.headers.get('content-type') || ''
  if (type.includes('json')) {
    try {
      return JSON.parse(text)
    } catch {
      return null
    }
  }
  return null
}

// Exchanges the stored refresh token for a new pair. Concurrent 401s share one exchange, because
// the server spends a refresh token on first use and treats a second use as theft.
export function createTokenRefresher({ tokenKey, refreshKey, clientId, tokenPath = TOKEN_PATH }) {
  let pending = null
  async function exchange() {
    const refreshToken = refreshKey ? getToken(refreshKey) : null
    if (!refreshToken) return false
    const form = { grant_type: 'refresh_token', refresh_token: refreshToken }
    if (clientId) form.client_id = clientId
    try {
      const response = await fetch(tokenPath, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      })
      const data = await readBody(response)
      if (!response.ok || !data?.access_token) {
        clearTokens({ tokenKey, refreshKey })
        return false
      }
      storeTokenResponse({ tokenKey, refreshKey }, data)
      return true
    } catch {
      return false
    }
  }
  return function refresh() {
    if (!pending) pending = exchange().finally(() => (pending = null))
    return pending
  }
}

// fetch wrapper: JSON in and out, bearer token from the app's storage key, problem details turned
// into ApiError. On a 401 it refreshes the tokens once (when the app keeps a refresh token) and
// repeats the call; a second 401 or a failed refresh clears the tokens and calls onUnauthorized.
export function createApiClient({ tokenKey, refreshKey, clientId, onUnauthorized, headers: fixedHeaders } = {}) {
  const refresh = tokenKey && refreshKey ? createTokenRefresher({ tokenKey, refreshKey, clientId }) : null

  async function request(method, path, options = {}, retried = false) {
    const { json, form, multipart, signal, anonymous, blob, headers: extraHeaders } = options
    const headers = { Accept: 'application/json, application/problem+json', ...fixedHeaders, ...extraHeaders }
    const token = tokenKey && !anonymous ? getToken(tokenKey) : null
    if (token) headers.Authorization = `Bearer ${token}`
    let body
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(json)
    } else if (form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(form).toString()
    } else if (multipart !== undefined) {
      body = multipart // FormData: the browser sets the multipart boundary itself
    }

    let response
    try {
      response = await fetch(path, { method, headers, body, signal })
    } catch (cause) {
      if (cause?.name === 'AbortError') throw cause
      throw new ApiError(0, null)
    }
    if (response.status === 401 && token && !retried && refresh && (await refresh())) {
      return request(method, path, options, true)
    }
    if (blob && response.ok) return response.blob()
    const data = await readBody(response)
    if (!response.ok) {
      const error = new ApiError(response.status, data && typeof data === 'object' ? data : null)
      if (response.status === 401 && !anonymous) {
        if (refreshKey) clearTokens({ tokenKey, refreshKey })
        onUnauthorized?.(error)
      }
      throw error
    }
    return data
  }

  return {
    request,
    // New tokens now (e.g. the account's 就诊人 changed and the token's list of them is stale); false when it cannot.
    refresh: () => (refresh ? refresh() : Promise.resolve(false)),
    get: (path, options) => request('GET', path, options),
    // A file the API serves (a PDF), as a Blob; failures are problem details like any other call.
    getBlob: (path, options) => request('GET', path, { ...options, blob: true }),
    post: (path, json, options) => request('POST', path, { ...options, json }),
    put: (path, json, options) => request('PUT', path, { ...options, json }),
    delete: (path, options) => request('DELETE', path, options),
    postForm: (path, form, options) => request('POST', path, { ...options, form }),
    upload: (path, formData, options) => request('POST', path, { ...options, multipart: formData }),
  }
}
