import { createApiClient } from '@shared/api.js'
import { cliniciansApi } from '@shared/clinicians.js'
import { REFRESH_KEYS, TOKEN_KEYS, clearToken } from '@shared/auth.js'
import { departmentsApi } from '@shared/hospital.js'
import { contentAdminApi } from '@shared/content.js'
import { hospitalInfoApi } from '@shared/hospitalInfo.js'
import { educationApi } from '@shared/education.js'
import { navigationAdminApi, navigationApi } from '@shared/navigation.js'
import { createPushClient } from '@shared/push.js'
import { schedulingApi } from '@shared/scheduling.js'
import { queueApi } from '@shared/queue.js'

export const APP_TITLE = '智慧医院管理后台'
export const TOKEN_KEY = TOKEN_KEYS.staff
export const REFRESH_KEY = REFRESH_KEYS.staff
export const CLIENT_ID = 'admin'

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
export const departments = departmentsApi(api)
export const content = contentAdminApi(api)
export const hospitalInfo = hospitalInfoApi(api)
export const navigation = navigationApi(api)
export const navigationAdmin = navigationAdminApi(api)
export const education = educationApi(api)
export const scheduling = schedulingApi(api)
export const clinicians = cliniciansApi(api)
export const queues = queueApi(api)
export const push = createPushClient({ tokenKey: TOKEN_KEY })
