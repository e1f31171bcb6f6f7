import { createApiClient } from '@shared/api.js'
import { REFRESH_KEYS, TOKEN_KEYS } from '@shared/auth.js'
import { departmentsApi } from '@shared/hospital.js'
import { hospitalInfoApi } from '@shared/hospitalInfo.js'
import { educationApi } from '@shared/education.js'
import { navigationApi } from '@shared/navigation.js'
import { identityApi } from '@shared/identity.js'
import { schedulingApi } from '@shared/scheduling.js'
import { triageApi } from '@shared/triage.js'
import { previsitApi } from '@shared/previsit.js'
import { queueApi } from '@shared/queue.js'
import { pharmacyApi } from '@shared/pharmacy.js'
import { followUpApi } from '@shared/followup.js'
import { convenienceApi } from '@shared/convenience.js'
import { reportsApi } from '@shared/reports.js'
import { consultationApi } from '@shared/consultation.js'
import { createPushClient } from '@shared/push.js'

export const HOSPITAL_NAME = import.meta.env.VITE_HOSPITAL_NAME || '智慧医院'
export const CLIENT_ID = 'patient'

let unauthorizedHandler = () => {}
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

export const api = createApiClient({
  tokenKey: TOKEN_KEYS.patient,
  refreshKey: REFRESH_KEYS.patient,
  clientId: CLIENT_ID,
  headers: { 'X-Client-Channel': 'h5' },
  onUnauthorized: (error) => unauthorizedHandler(error),
})
export const departments = departmentsApi(api)
export const hospitalInfo = hospitalInfoApi(api)
export const navigation = navigationApi(api)
export const education = educationApi(api)
export const identity = identityApi(api)
export const scheduling = schedulingApi(api)
export const triage = triageApi(api)
export const previsit = previsitApi(api)
export const queue = queueApi(api)
export const pharmacy = pharmacyApi(api)
export const followUp = followUpApi(api)
export const convenience = convenienceApi(api)
export const reports = reportsApi(api)
export const consultation = consultationApi(api)
export const push = createPushClient({ tokenKey: TOKEN_KEYS.patient })
