import { createApiClient } from '@shared/api.js'
import { TOKEN_KEYS, clearToken } from '@shared/auth.js'
import { createPushClient } from '@shared/push.js'

export const APP_TITLE = '智慧医院医生工作站'
export const TOKEN_KEY = TOKEN_KEYS.doctor

let unauthorizedHandler = () => {}
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

export const api = createApiClient({
  tokenKey: TOKEN_KEY,
  onUnauthorized: (error) => {
    clearToken(TOKEN_KEY)
    unauthorizedHandler(error)
  },
})
export const push = createPushClient({ tokenKey: TOKEN_KEY })
