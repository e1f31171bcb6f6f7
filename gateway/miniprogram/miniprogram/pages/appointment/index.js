const elder = require('../../utils/elder.js')
const session = require('../../utils/session.js')
const booking = require('../../utils/booking.js')
const format = require('../../utils/format.js')
const { scheduling } = require('../../utils/api.js')
const { messageOf } = require('../../utils/problem.js')

function view(a) {
  return {
    id: a.id, status: a.status, statusText: a.statusText || format.STATUS_TEXT[a.status], departmentName: a.departmentName,
    doctorName: a.doctorName, location: a.location, when: `${format.dateTime(a.startsAt)}–${format.time(a.endsAt)}`,
    fee: format.yuan(a.feeFen), canCancel: a.canCancel, failureReason: a.failureReason || '',
    cancelDeadline: format.dateTime(a.cancelDeadline),
    steps: (a.steps || []).map((s) => ({ text: s.statusText, at: format.dateTime(s.at) })),
  }
}

// 我的预约 (list) and one appointment's progress (?id=): pay while 待支付, cancel before the deadline.
Component({
  behaviors: [elder.behavior],
  data: { loading: true, error: '', list: [], detail: null, busy: false },
  methods: {
    async onLoad(query) {
      if (!session.isSignedIn()) return wx.redirectTo({ url: '/pages/login/index' })
      this.appointmentId = query && query.id
      await this.load()
    },
    async load() {
      this.setData({ loading: true, error: '' })
      try {
        if (this.appointmentId) this.setData({ loading: false, detail: view(await scheduling.appointment(this.appointmentId)) })
        else this.setData({ loading: false, list: (await scheduling.appointments()).map(view) })
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) })
      }
    },
    open(e) {
      wx.navigateTo({ url: `/pages/appointment/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}` })
    },
    async pay() {
      this.setData({ busy: true, error: '' })
      try {
        const order = await booking.findOrder(this.appointmentId)
        if (!order) throw new Error('暂未生成支付订单，请稍后重试')
        const paid = await booking.pay(order)
        if (paid.status === 'paid') this.setData({ detail: view(await booking.untilFinal(this.appointmentId)) })
        else this.setData({ error: paid.status === 'cancelled' ? '支付未完成' : '暂未确认到账，如已付款请稍候刷新' })
      } catch (e) {
        this.setData({ error: messageOf(e) })
      }
      this.setData({ busy: false })
    },
    cancel() {
      wx.showModal({
        title: '取消预约',
        content: '确定取消这次预约吗？已支付的挂号费将原路退回。',
        confirmText: '取消预约',
        cancelText: '再想想',
        success: async (res) => {
          if (!res.confirm) return
          this.setData({ busy: true, error: '' })
          try {
            this.setData({ detail: view(await scheduling.cancel(this.appointmentId)) })
          } catch (e) {
            this.setData({ error: messageOf(e) })
          }
          this.setData({ busy: false })
        },
      })
    },
  },
})
