import { api } from './platform.js'

// WeChat sign-in: the WeChat gateway sends the browser through WeChat's OAuth page and back to /account/wechat with a
// one-time wxticket; Identity turns it into tokens, or into a bindToken when no account is bound to that WeChat yet.
export const WECHAT_RETURN_PATH = `${import.meta.env.BASE_URL}account/wechat`
const BIND_TOKEN_KEY = 'platform.wechat.bindToken'

export function wechatAuthorizeUrl() {
  const query = new URLSearchParams({ scope: 'snsapi_base', returnUrl: WECHAT_RETURN_PATH })
  return `/api/wechat/oauth/authorize?${query}`
}

// Kept for the tab only: the patient signs in with the password and comes back to spend it.
export const pendingBind = {
  get() {
    try {
      return sessionStorage.getItem(BIND_TOKEN_KEY)
    } catch {
      return null
    }
  },
  set(token) {
    try {
      if (token) sessionStorage.setItem(BIND_TOKEN_KEY, token)
      else sessionStorage.removeItem(BIND_TOKEN_KEY)
    } catch {
      // Storage disabled: the patient starts the WeChat sign-in again after the password login.
    }
  },
}

export const wechatAccount = {
  bind: (bindToken) => api.post('/api/identity/me/wechat', { bindToken }),
  unbind: () => api.delete('/api/identity/me/wechat'),
}

export const notificationPreferences = {
  get: () => api.get('/api/notification/preferences'),
  save: (preferences) => api.put('/api/notification/preferences', preferences),
}
