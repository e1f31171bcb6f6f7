const session = require('../../utils/session.js')
const elder = require('../../utils/elder.js')
const { messageOf } = require('../../utils/problem.js')

const METHOD_TEXT = { sms: '短信验证码', totp: '身份验证器', password: '登录密码' }

// 登录: 微信一键登录; a WeChat no account has bound yet signs in by phone + SMS code once and then binds, after the owner
// has seen (masked) who is being bound. An account with a second factor is asked for it, as on the H5.
// phase: start → (mfa) → done | start → sms → (smsMfa) → confirmBind → done
Component({
  behaviors: [elder.behavior],
  data: {
    phase: 'start', busy: false, error: '', notice: '',
    mfaToken: '', methods: [], method: '', methodText: '', otp: '',
    phone: '', smsCode: '', codeSent: false,
    preview: null,
  },
  methods: {
    onLoad() {},

    fail(e) {
      this.setData({ busy: false, error: messageOf(e) })
    },

    async signIn() {
      this.setData({ busy: true, error: '', notice: '' })
      try {
        this.apply(await session.signInWithWeChat(), 'wechat')
      } catch (e) {
        this.fail(e)
      }
    },

    // Where a grant's answer leads: signed in, the second factor, or (WeChat unbound) the SMS sign-in.
    apply(outcome, via) {
      if (outcome.status === 'signedIn') return via === 'sms' ? this.previewBinding() : this.finish()
      if (outcome.status === 'bindRequired') {
        return this.setData({ busy: false, phase: 'sms', notice: '该微信尚未绑定账号，请用手机号验证码登录一次并确认绑定，之后即可微信一键登录' })
      }
      const method = outcome.methods[0]
      this.setData({
        busy: false, phase: via === 'sms' ? 'smsMfa' : 'mfa', mfaToken: outcome.mfaToken || '', methods: outcome.methods,
        method, methodText: METHOD_TEXT[method] || method, otp: '',
      })
    },

    chooseMethod(e) {
      const method = e.currentTarget.dataset.method
      this.setData({ method, methodText: METHOD_TEXT[method] || method, otp: '' })
    },

    onOtp(e) {
      this.setData({ otp: String(e.detail || '').trim() })
    },

    onPhone(e) {
      this.setData({ phone: String(e.detail || '').trim() })
    },

    onSmsCode(e) {
      this.setData({ smsCode: String(e.detail || '').trim() })
    },

    async sendMfaSms() {
      this.setData({ busy: true, error: '' })
      try {
        await session.sendMfaSms(this.data.mfaToken)
        this.setData({ busy: false, notice: '验证码已发送到账号绑定的手机' })
      } catch (e) {
        this.fail(e)
      }
    },

    async submitMfa() {
      if (!this.data.otp) return this.setData({ error: `请输入${this.data.methodText}` })
      this.setData({ busy: true, error: '' })
      try {
        if (this.data.phase === 'smsMfa') {
          this.apply(await session.signInWithSms(this.data.phone, this.data.smsCode, { method: this.data.method, value: this.data.otp }), 'sms')
        } else {
          this.apply(await session.completeWeChatMfa(this.data.mfaToken, this.data.method, this.data.otp), 'wechat')
        }
      } catch (e) {
        this.fail(e)
      }
    },

    async sendLoginCode() {
      if (!/^1[3-9]\d{9}$/.test(this.data.phone)) return this.setData({ error: '请输入 11 位中国大陆手机号' })
      this.setData({ busy: true, error: '' })
      try {
        await session.sendLoginCode(this.data.phone)
        this.setData({ busy: false, codeSent: true, notice: '如该手机号已注册，验证码已发送' })
      } catch (e) {
        this.fail(e)
      }
    },

    async smsSignIn() {
      if (!/^1[3-9]\d{9}$/.test(this.data.phone)) return this.setData({ error: '请输入 11 位中国大陆手机号' })
      if (!/^\d{4,8}$/.test(this.data.smsCode)) return this.setData({ error: '请输入短信验证码' })
      this.setData({ busy: true, error: '' })
      try {
        this.apply(await session.signInWithSms(this.data.phone, this.data.smsCode), 'sms')
      } catch (e) {
        this.fail(e)
      }
    },

    async previewBinding() {
      this.setData({ busy: true, error: '', notice: '' })
      try {
        const preview = await session.previewBinding()
        this.setData({ busy: false, phase: 'confirmBind', preview })
      } catch (e) {
        // Signed in all the same: binding can be retried from 我的.
        this.setData({ busy: false, phase: 'confirmBind', preview: null, error: `${messageOf(e)}（已登录，可稍后在「我的」中绑定微信）` })
      }
    },

    async confirmBind() {
      this.setData({ busy: true, error: '' })
      try {
        await session.confirmBinding()
        this.setData({ notice: '微信已绑定，下次可微信一键登录' })
        this.finish()
      } catch (e) {
        this.fail(e)
      }
    },

    async skipBind() {
      await session.cancelBinding()
      this.finish()
    },

    finish() {
      this.setData({ busy: false, phase: 'done' })
      const pages = typeof getCurrentPages === 'function' ? getCurrentPages() : []
      if (pages.length > 1) wx.navigateBack()
      else wx.switchTab({ url: '/pages/home/index' })
    },
  },
})
