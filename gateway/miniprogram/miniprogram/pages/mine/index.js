const elder = require('../../utils/elder.js')
const session = require('../../utils/session.js')
const { identity } = require('../../utils/api.js')
const { messageOf } = require('../../utils/problem.js')

const RELATION_TEXT = { self: '本人', parent: '父母', child: '子女', spouse: '配偶', other: '其他' }

// 我的: the account's phone (WeChat's phone-number button), its 就诊人, binding this WeChat, 长辈模式, and the H5's
// account pages (实名认证、添加就诊人、账号安全) through the web-view.
Component({
  behaviors: [elder.behavior],
  data: { signedIn: false, error: '', notice: '', phone: '', patients: [], preview: null, busy: false },
  methods: {
    async onLoad() {
      await this.refresh()
    },
    async onShow() {
      if (this.loaded) await this.refresh()
    },
    async refresh() {
      const signedIn = session.isSignedIn()
      this.setData({ signedIn, error: '' })
      if (!signedIn) return
      // The account's 长辈模式 follows it from the H5 (and back): the server's choice wins at sign-in.
      identity.preferences().then((p) => {
        if (p && typeof p.elderMode === 'boolean' && p.elderMode !== elder.isElder()) elder.setElder(p.elderMode)
      }).catch(() => null)
      try {
        const patients = await identity.patients()
        this.loaded = true
        this.setData({
          patients: patients.map((p) => ({ id: p.id, name: p.name, relation: RELATION_TEXT[p.relation] || '家人', idNumberMasked: p.idNumberMasked })),
        })
      } catch (e) {
        this.setData({ error: messageOf(e) })
      }
    },

    // open-type="getPhoneNumber": WeChat hands a one-time code (never the number); the server exchanges and verifies it.
    async onPhoneNumber(e) {
      const code = e.detail && e.detail.code
      if (!code) return this.setData({ error: '未获得手机号授权，可稍后再试' })
      this.setData({ busy: true, error: '', notice: '' })
      try {
        const answer = await identity.bindPhone(code)
        this.setData({ busy: false, phone: answer.phone, notice: `手机号已更新为 ${answer.phone}` })
      } catch (err) {
        this.setData({ busy: false, error: messageOf(err) })
      }
    },

    toggleElder(e) {
      const on = Boolean(e.detail)
      elder.setElder(on)
      if (session.isSignedIn()) identity.savePreferences({ elderMode: on }).catch(() => null)
    },

    async startBinding() {
      this.setData({ busy: true, error: '', notice: '' })
      try {
        this.setData({ busy: false, preview: await session.previewBinding() })
      } catch (e) {
        this.setData({ busy: false, error: messageOf(e) })
      }
    },
    async confirmBinding() {
      this.setData({ busy: true, error: '' })
      try {
        await session.confirmBinding()
        this.setData({ busy: false, preview: null, notice: '微信已绑定，下次可微信一键登录' })
      } catch (e) {
        this.setData({ busy: false, error: messageOf(e) })
      }
    },
    async cancelBinding() {
      await session.cancelBinding()
      this.setData({ preview: null })
    },

    openH5(e) {
      wx.navigateTo({ url: `/pages/webview/index?path=${encodeURIComponent(e.currentTarget.dataset.path)}` })
    },
    signIn() {
      wx.navigateTo({ url: '/pages/login/index' })
    },
    signOut() {
      session.signOut()
      this.setData({ signedIn: false, patients: [], phone: '', preview: null })
    },
  },
})
