const elder = require('../../utils/elder.js')
const session = require('../../utils/session.js')
const format = require('../../utils/format.js')
const { notification } = require('../../utils/api.js')
const { messageOf } = require('../../utils/problem.js')

const CATEGORY_TEXT = { appointment: '预约', payment: '缴费', report: '报告', queue: '排队', announcement: '公告', consultation: '咨询' }

function view(m) {
  return {
    id: m.id, title: m.title, body: m.body, unread: !m.readAt, when: format.dateTime(m.createdAt),
    category: CATEGORY_TEXT[m.category] || '通知', urgent: m.severity === 'high' || m.severity === 'critical', link: m.link || '',
  }
}

// 消息中心: newest first, 20 at a time (before=), the unread count, a message read when opened.
Component({
  behaviors: [elder.behavior],
  data: { loading: true, error: '', items: [], nextBefore: null, unread: 0, loadingMore: false, signedIn: true },
  methods: {
    async onLoad() {
      await this.refresh()
    },
    async onShow() {
      if (this.loaded) await this.refresh()
    },
    async onPullDownRefresh() {
      await this.refresh()
      wx.stopPullDownRefresh()
    },
    async refresh() {
      if (!session.isSignedIn()) return this.setData({ loading: false, signedIn: false })
      this.setData({ loading: true, error: '', signedIn: true })
      try {
        const [page, count] = await Promise.all([notification.messages(), notification.unreadCount()])
        this.loaded = true
        this.setData({ loading: false, items: page.items.map(view), nextBefore: page.nextBefore || null, unread: count.count })
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) })
      }
    },
    async more() {
      if (!this.data.nextBefore || this.data.loadingMore) return
      this.setData({ loadingMore: true, error: '' })
      try {
        const page = await notification.messages(this.data.nextBefore)
        this.setData({ loadingMore: false, items: this.data.items.concat(page.items.map(view)), nextBefore: page.nextBefore || null })
      } catch (e) {
        this.setData({ loadingMore: false, error: messageOf(e) })
      }
    },
    async onReachBottom() {
      await this.more()
    },
    async read(e) {
      const index = this.data.items.findIndex((m) => m.id === e.currentTarget.dataset.id)
      if (index < 0) return
      const message = this.data.items[index]
      if (message.unread) {
        try {
          await notification.markRead(message.id)
          this.setData({ [`items[${index}].unread`]: false, unread: Math.max(0, this.data.unread - 1) })
        } catch (err) {
          this.setData({ error: messageOf(err) })
        }
      }
      const appointment = /^\/appointments\/([0-9a-f-]{36})$/i.exec(message.link)
      if (appointment) wx.navigateTo({ url: `/pages/appointment/index?id=${appointment[1]}` })
      else if (message.link && message.link.startsWith('/')) wx.navigateTo({ url: `/pages/webview/index?path=${encodeURIComponent(message.link)}` })
    },
    signIn() {
      wx.navigateTo({ url: '/pages/login/index' })
    },
  },
})
