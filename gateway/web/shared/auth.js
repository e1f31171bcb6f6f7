// Token storage shared by the three apps. The server validates every token, so the client
// only checks that one is present; tests may put a token straight into localStorage.
export const TOKEN_KEYS = Object.freeze({
  patient: 'platform.patient.token',
  doctor: 'platform.doctor.token',
  staff: 'platform.staff.token',
})

// Refresh tokens sit beside the access token of the same app.
export const REFRESH_KEYS = Object.freeze({
  patient: 'platform.patient.refresh',
  doctor: 'platform.doctor.refresh',
  staff: 'platform.staff.refresh',
})

function storage() {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function refreshKeyFor(tokenKey) {
  return tokenKey.replace(/\.token$/, '.refresh')
}

export function getToken(key) {
  return storage()?.getItem(key) || null
}

export function setToken(key, token) {
  storage()?.setItem(key, token)
}

export function clearToken(key) {
  storage()?.removeItem(key)
}

// Stores what the token endpoint answered: the access token, and the refresh token when there is one.
export function storeTokenResponse({ tokenKey, refreshKey }, response) {
  if (!response?.access_token) throw new Error('登录失败：未获得访问令牌')
  setToken(tokenKey, response.access_token)
  if (refreshKey) {
    if (response.refresh_token) setToken(refreshKey, response.refresh_token)
    else clearToken(refreshKey)
  }
}

export function clearTokens({ tokenKey, refreshKey }) {
  clearToken(tokenKey)
  if (refreshKey) clearToken(refreshKey)
}

export function hasToken(key) {
  return Boolean(getToken(key))
}

// Reads the user's display name from the JWT payload when it is a JWT; the payload is not
// trusted for anything but the header label.
export function displayNameFromToken(token) {
  const claims = claimsFromToken(token)
  return claims ? claims.name || claims.preferred_username || claims.unique_name || claims.sub || null : null
}

export function claimsFromToken(token) {
  if (!token) return null
  const parts = token.split('.')
  if (parts.length !== 3) return null
  try {
    const json = decodeURIComponent(
      atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))
        .split('')
        .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
        .join(''),
    )
    const claims = JSON.parse(json)
    return claims && typeof claims === 'object' ? claims : null
  } catch {
    return null
  }
}

// Sends users without a stored token to the login route, keeping where they wanted to go.
export function installAuthGuard(router, { tokenKey, loginRouteName }) {
  router.beforeEach((to) => {
    if (to.meta.public) return true
    if (hasToken(tokenKey)) return true
    return { name: loginRouteName, query: { redirect: to.fullPath } }
  })
}
