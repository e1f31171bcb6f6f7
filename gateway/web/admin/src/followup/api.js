import { followUpAdminApi } from '@shared/followup.js'
import { api } from '../platform.js'

// FollowUp API, staff part (docs/followup-api.md).
export const followUpAdmin = followUpAdminApi(api)
