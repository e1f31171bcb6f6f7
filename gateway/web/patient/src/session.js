import { computed, reactive } from 'vue'
import { REFRESH_KEYS, TOKEN_KEYS, claimsFromToken, clearTokens, getToken, storeTokenResponse } from '@shared/auth.js'

// The signed-in patient account and the 当前就诊人 other pages act for. The current patient's id is kept
// in localStorage under platform.patient.current so every page (booking, reports, payment) can read it.
export const CURRENT_PATIENT_KEY = 'platform.patient.current'
const KEYS = { tokenKey: TOKEN_KEYS.patient, refreshKey: REFRESH_KEYS.patient }

function read(key) {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key, value) {
  try {
    if (value) localStorage.setItem(key, value)
    else localStorage.removeItem(key)
  } catch {
    // Storage disabled: the choice lasts for this visit only.
  }
}

const state = reactive({ token: getToken(KEYS.tokenKey), currentPatientId: read(CURRENT_PATIENT_KEY) })

export const session = {
  signedIn: computed(() => Boolean(state.token)),
  claims: computed(() => claimsFromToken(state.token)),
  currentPatientId: computed(() => state.currentPatientId),
  signIn(tokenResponse) {
    storeTokenResponse(KEYS, tokenResponse)
    state.token = getToken(KEYS.tokenKey)
  },
  refreshToken: () => getToken(KEYS.refreshKey),
  // Re-reads storage, e.g. after the API client refreshed or cleared the tokens.
  sync() {
    state.token = getToken(KEYS.tokenKey)
    state.currentPatientId = read(CURRENT_PATIENT_KEY)
  },
  signOut() {
    clearTokens(KEYS)
    write(CURRENT_PATIENT_KEY, null)
    state.token = null
    state.currentPatientId = null
  },
  setCurrentPatient(id) {
    write(CURRENT_PATIENT_KEY, id)
    state.currentPatientId = id
  },
}

// Keeps the stored choice pointing at one of the account's patients: self first, else the first one.
export function reconcileCurrentPatient(patients) {
  if (patients.some((p) => p.id === state.currentPatientId)) return
  const fallback = patients.find((p) => p.isSelf) ?? patients[0]
  session.setCurrentPatient(fallback?.id ?? null)
}
