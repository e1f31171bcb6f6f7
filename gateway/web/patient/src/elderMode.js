import { ref, watch } from 'vue'
import { identity } from './platform.js'
import { session } from './session.js'

// 长辈模式 lives on the account (Identity: /me/preferences) and on this device (localStorage), so the first paint after
// a reload is already right. Chosen while signed out, it is carried into the account at the next sign-in; signed in
// on a new device, the account's setting wins.
export const ELDER_MODE_KEY = 'platform.patient.elderMode'
const UNSAVED_KEY = 'platform.patient.elderMode.unsaved'

function read(key) {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // Storage disabled: the choice lasts for this visit only.
  }
}

export const elderMode = ref(read(ELDER_MODE_KEY) === 'on')

function show(on) {
  elderMode.value = on
  write(ELDER_MODE_KEY, on ? 'on' : 'off')
  document.documentElement.toggleAttribute('data-elder-mode', on)
}

// Called by the patient app before it mounts, so no page ever renders in the wrong mode.
export function startElderMode() {
  show(elderMode.value)
  if (session.signedIn.value) syncWithAccount()
  watch(session.signedIn, (signedIn) => {
    if (signedIn) syncWithAccount()
  })
}

async function syncWithAccount() {
  try {
    if (read(UNSAVED_KEY)) {
      await identity.savePreferences({ elderMode: elderMode.value })
      write(UNSAVED_KEY, null)
    } else {
      show((await identity.preferences()).elderMode === true)
    }
  } catch {
    // Offline or signed out meanwhile: the device keeps its setting and tries again at the next start or sign-in.
  }
}

// Switches elder mode for this device at once and for the account when signed in. Throws when the account could not
// be updated; the device keeps the choice and saves it at the next start or sign-in.
export async function setElderMode(on) {
  show(on)
  if (!session.signedIn.value) {
    write(UNSAVED_KEY, '1')
    return
  }
  try {
    await identity.savePreferences({ elderMode: on })
    write(UNSAVED_KEY, null)
  } catch (e) {
    write(UNSAVED_KEY, '1')
    throw e
  }
}
