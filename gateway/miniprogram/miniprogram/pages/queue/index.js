const elder = require('../../utils/elder.js')
const session = require('../../utils/session.js')
const format = require('../../utils/format.js')
const timing = require('../../utils/timing.js')
const { queue } = require('../../utils/api.js')
const { messageOf } = require('../../utils/problem.js')

const PLACE = { clinic: '诊室', exam: '检查室', blood: '采血窗口', pharmacy: '取药窗口' }

// As the H5 words it (gateway/web/shared/queue.js waitText).
function waitText(t) {
  const place = PLACE[t.kind] || PLACE.clinic
  if (t.status === 'called') return t.kind === 'pharmacy' ? `已叫到您的取药号，请立即到${t.location || place}取药` : `已叫到您，请立即到${place}`
  if (t.peopleAhead === 0) return `下一位就是您，请在${place}门口等候`
  return `前面还有 ${t.peopleAhead} 人，预计等待约 ${t.estimatedWaitMinutes} 分钟`
}

// 我的排队: every queue the account's patients are in today. The H5 gets SignalR pushes; the mini-program has no
// SignalR client, so it asks again every `pollMs` while the page is on screen and stops when it is hidden.
Component({
  behaviors: [elder.behavior],
  data: { loading: true, error: '', tickets: [], updatedAt: '' },
  methods: {
    async onLoad() {
      if (!session.isSignedIn()) return wx.redirectTo({ url: '/pages/login/index' })
      await this.load()
    },
    onShow() {
      this.startPolling()
    },
    onHide() {
      this.stopPolling()
    },
    onUnload() {
      this.stopPolling()
    },
    startPolling() {
      this.stopPolling()
      this.timer = setInterval(() => this.load(), timing.queuePollMs)
    },
    stopPolling() {
      if (this.timer) clearInterval(this.timer)
      this.timer = null
    },
    async load() {
      try {
        const tickets = await queue.mine()
        this.setData({
          loading: false, error: '', updatedAt: format.time(new Date().toISOString()),
          tickets: tickets.map((t) => ({
            id: t.ticketId, number: t.number, statusText: t.statusText, called: t.status === 'called', department: t.departmentName,
            doctor: t.doctorName, location: t.location, calling: t.callingNumber == null ? '暂未叫号' : `正在叫 ${t.callingNumber} 号`,
            wait: waitText(t),
          })),
        })
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) })
      }
    },
  },
})
