// Signing in from the mini-program (the same account and rules as the H5): wx.login's code becomes a one-time ticket,
// the ticket a token pair. An unbound WeChat signs in by phone + SMS code and then binds, confirmed by the owner after
// seeing who is being bound. Tokens stay in storage; nothing here puts one in a URL.
const config = require('./config.js')
const storage = require('./storage.js')
const wxp = require('./wxp.js')
const { identity } = require('./api.js')
const { ApiError } = require('./problem.js')

function clientId() {
  return config.current().clientId
}

// What a refused grant asks of the user next, or the error itself.
function outcomeOf(error) {
  if (!(error instanceof ApiError)) throw error
  const problem = error.problem || {}
  if (error.code === 'wechat_bind_required') return { status: 'bindRequired', message: error.message }
  if (error.code === 'mfa_required') {
    const methods = Array.isArray(problem.methods) && problem.methods.length ? problem.methods : ['totp']
    return { status: 'mfa', mfaToken: problem.mfaToken || problem.mfa_token || null, methods, message: error.message }
  }
  throw error
}

async function grant(form) {
  try {
    const tokens = await identity.token({ ...form, client_id: clientId() })
    storage.storeTokens(tokens)
    return { status: 'signedIn' }
  } catch (e) {
    return outcomeOf(e)
  }
}

async function ticketFromWeChat(intent) {
  const code = await wxp.login()
  const answer = await identity.miniProgramLogin(code, intent)
  return answer.ticket
}

module.exports = {
  isSignedIn: () => Boolean(storage.accessToken()),

  // → { status: 'signedIn' | 'bindRequired' | 'mfa', mfaToken?, methods? }
  async signInWithWeChat() {
    return grant({ grant_type: 'wechat_ticket', ticket: await ticketFromWeChat() })
  },

  // The second step of a WeChat sign-in whose account has a second factor; the mfa token stands for the spent ticket.
  completeWeChatMfa(mfaToken, method, otp) {
    return grant({ grant_type: 'wechat_ticket', mfa_token: mfaToken, otp_method: method, otp })
  },

  sendMfaSms: (mfaToken) => identity.sendMfaSms(mfaToken),

  sendLoginCode: (phone) => identity.sendSmsCode(phone),

  // grant_type=sms_code; an account with an authenticator (totp) or SMS+password asks for it as mfa_required.
  signInWithSms(phone, smsCode, secondFactor = {}) {
    const form = { grant_type: 'sms_code', phone, sms_code: smsCode }
    if (secondFactor.method === 'password') Object.assign(form, { otp_method: 'password', password: secondFactor.value })
    else if (secondFactor.method) Object.assign(form, { otp_method: secondFactor.method, otp: secondFactor.value })
    return grant(form)
  },

  // Binding, step 1 and 2: a one-time intent from the signed-in account, a fresh wx.login ticket carrying it, and the
  // preview of who would be bound. Nothing is bound until confirmBinding.
  async previewBinding() {
    const started = await identity.startWeChatBinding()
    const ticket = await ticketFromWeChat(started.intent)
    return identity.redeemWeChatBinding(ticket)
  },

  confirmBinding: () => identity.confirmWeChatBinding(),

  cancelBinding: () => identity.cancelWeChatBinding().catch(() => null),

  signOut() {
    storage.clearTokens()
  },
}
