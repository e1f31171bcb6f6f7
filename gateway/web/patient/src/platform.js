import { createApiClient } from '@shared/api.js'
import { TOKEN_KEYS } from '@shared/auth.js'
import { departmentsApi } from '@shared/hospital.js'
import { createPushClient } from '@shared/push.js'

export const HOSPITAL_NAME = import.meta.env.VITE_HOSPITAL_NAME || '智慧医院'

export const api = createApiClient({ tokenKey: TOKEN_KEYS.patient })
export const departments = departmentsApi(api)
export const push = createPushClient({ tokenKey: TOKEN_KEYS.patient })
