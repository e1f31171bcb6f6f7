// The few things the mini-program keeps on the phone: the tokens and the elder-mode choice.
const KEYS = { access: 'platform.mp.access', refresh: 'platform.mp.refresh', elder: 'platform.mp.elder' }

function get(key) {
  try {
    return wx.getStorageSync(key) || null
  } catch (e) {
    return null
  }
}

function set(key, value) {
  if (value === null || value === undefined || value === '') wx.removeStorageSync(key)
  else wx.setStorageSync(key, value)
}

module.exports = {
  KEYS,
  accessToken: () => get(KEYS.access),
  refreshToken: () => get(KEYS.refresh),
  storeTokens(tokens) {
    set(KEYS.access, tokens.access_token)
    if (tokens.refresh_token) set(KEYS.refresh, tokens.refresh_token)
  },
  clearTokens() {
    set(KEYS.access, null)
    set(KEYS.refresh, null)
  },
  elder: () => get(KEYS.elder) === true || get(KEYS.elder) === 'on',
  setElder: (on) => set(KEYS.elder, on ? 'on' : null),
}
