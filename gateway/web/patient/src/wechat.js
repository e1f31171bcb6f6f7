import { api } from './platform.js'

// WeChat sign-in: the WeChat gateway sends the browser through WeChat's OAuth page and back to /account/wechat with a
// one-time wxticket; Identity turns it into tokens (after the second factor, if the account has one).
// Binding is started by the signed-in patient: Identity issues a one-time intent (and an HttpOnly cookie for this
// browser), the OAuth round trip carries the intent into the ticket, and the patient confirms who is being bound.
export const WECHAT_RETURN_PATH = `${import.meta.env.BASE_URL}account/wechat`

export function wechatAuthorizeUrl({ intent, scope = 'snsapi_base' } = {}) {
  const query = new URLSearchParams({ scope, returnUrl: WECHAT_RETURN_PATH })
  if (intent) query.set('intent', intent)
  return `/api/wechat/oauth/authorize?${query}`
}

export const wechatAccount = {
  startBinding: () => api.post('/api/identity/me/wechat/intents'),
  pending: (ticket) => api.post('/api/identity/me/wechat/pending', { ticket }),
  confirm: () => api.post('/api/identity/me/wechat'),
  cancel: () => api.delete('/api/identity/me/wechat/pending'),
  unbind: () => api.delete('/api/identity/me/wechat'),
  // The SMS second factor of a WeChat sign-in: the mfaToken stands in for the password.
  sendMfaSms: (mfaToken) => api.post('/api/identity/mfa/sms', { mfaToken }, { anonymous: true }),
}

export const notificationPreferences = {
  get: () => api.get('/api/notification/preferences'),
  save: (preferences) => api.put('/api/notification/preferences', preferences),
}
