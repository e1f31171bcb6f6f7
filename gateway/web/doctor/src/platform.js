import { createApiClient } from '@shared/api.js'
import { REFRESH_KEYS, TOKEN_KEYS, clearToken } from '@shared/auth.js'
import { createPushClient } from '@shared/push.js'

export const APP_TITLE = '智慧医院医生工作站'
export const TOKEN_KEY = TOKEN_KEYS.doctor
export const REFRESH_KEY = REFRESH_KEYS.doctor
export const CLIENT_ID = 'doctor'

let unauthorizedHandler = () => {}
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

export const api = createApiClient({
  tokenKey: TOKEN_KEY,
  refreshKey: REFRESH_KEY,
  clientId: CLIENT_ID,
  onUnauthorized: (error) => {
    clearToken(TOKEN_KEY)
    unauthorizedHandler(error)
  },
})
export const push = createPushClient({ tokenKey: TOKEN_KEY })
