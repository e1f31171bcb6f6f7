import { ApiError } from './problem.js'
import { getToken } from './auth.js'

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

// fetch wrapper: JSON in and out, bearer token from the app's storage key, problem details turned
// into ApiError. onUnauthorized lets staff apps send the user back to login on 401.
export function createApiClient({ tokenKey, onUnauthorized } = {}) {
  async function request(method, path, { json, form, signal } = {}) {
    const headers = { Accept: 'application/json, application/problem+json' }
    const token = tokenKey ? getToken(tokenKey) : null
    if (token) headers.Authorization = `Bearer ${token}`
    let body
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(json)
    } else if (form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(form).toString()
    }

    let response
    try {
      response = await fetch(path, { method, headers, body, signal })
    } catch (cause) {
      if (cause?.name === 'AbortError') throw cause
      throw new ApiError(0, null)
    }
    const data = await readBody(response)
    if (!response.ok) {
      const error = new ApiError(response.status, data && typeof data === 'object' ? data : null)
      if (response.status === 401 && onUnauthorized) onUnauthorized(error)
      throw error
    }
    return data
  }

  return {
    get: (path, options) => request('GET', path, options),
    post: (path, json, options) => request('POST', path, { ...options, json }),
    put: (path, json, options) => request('PUT', path, { ...options, json }),
    postForm: (path, form, options) => request('POST', path, { ...options, form }),
  }
}
