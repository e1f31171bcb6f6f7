const elder = require('../../utils/elder.js')
const session = require('../../utils/session.js')

// 首页: what the mini-program carries itself, and the H5's other services through the web-view.
const ENTRIES = [
  { key: 'booking', label: '预约挂号', hint: '选择科室、时段，在线支付挂号费', url: '/pages/departments/index', signIn: false },
  { key: 'appointment', label: '我的预约', hint: '预约进度、取消预约', url: '/pages/appointment/index', signIn: true },
  { key: 'queue', label: '排队叫号', hint: '报到后查看前面还有几人', url: '/pages/queue/index', signIn: true },
  { key: 'reports', label: '报告查询', hint: '在医院服务号网页中查看', url: '/pages/webview/index?path=%2Freports', signIn: true },
  { key: 'payment', label: '在线缴费', hint: '在医院服务号网页中缴费', url: '/pages/webview/index?path=%2Fpayment', signIn: true },
  { key: 'more', label: '更多服务', hint: '导诊、宣教、随访等', url: '/pages/webview/index?path=%2F', signIn: true },
]

Component({
  behaviors: [elder.behavior],
  data: { entries: ENTRIES, signedIn: false },
  methods: {
    onLoad() {
      this.setData({ signedIn: session.isSignedIn() })
    },
    onShow() {
      this.setData({ signedIn: session.isSignedIn() })
    },
    open(e) {
      const entry = ENTRIES.find((x) => x.key === e.currentTarget.dataset.key)
      if (!entry) return
      wx.navigateTo({ url: entry.signIn && !session.isSignedIn() ? '/pages/login/index' : entry.url })
    },
  },
})
