const elder = require('../../utils/elder.js')
const { scheduling } = require('../../utils/api.js')
const { messageOf } = require('../../utils/problem.js')
const format = require('../../utils/format.js')

const SESSION_STATUS = { open: '可预约', full: '已约满', stopped: '停诊', notReleased: '未放号', past: '已过时', limited: '限号' }

// 选择号源: the department's 14-day schedule (days, then each doctor's half-day session), then the session's time slots.
Component({
  behaviors: [elder.behavior],
  data: { departmentId: '', departmentName: '', loading: true, error: '', days: [], dayIndex: 0, session: null, slots: [], loadingSlots: false },
  methods: {
    async onLoad(query) {
      const departmentName = decodeURIComponent(query.name || '')
      this.setData({ departmentId: query.departmentId, departmentName })
      if (departmentName) wx.setNavigationBarTitle({ title: departmentName })
      await this.load()
    },
    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const schedule = await scheduling.schedule(this.data.departmentId)
        const days = schedule.days.map((d) => ({
          date: d.date,
          label: format.dayLabel(d.date),
          released: d.released,
          releaseText: d.released ? '' : `${format.dateTime(d.releasesAt)} 放号`,
          sessions: d.sessions.map((s) => ({
            id: s.id, doctorName: s.doctorName, doctorTitle: s.doctorTitle, period: format.PERIOD_TEXT[s.period] || s.period,
            time: format.timeRange(s.startsAt, s.endsAt), fee: format.yuan(s.feeFen), remaining: s.remaining,
            status: s.status, statusText: SESSION_STATUS[s.status] || s.status, bookable: s.status === 'open' || s.status === 'limited',
          })),
        }))
        const first = days.findIndex((d) => d.sessions.some((s) => s.bookable))
        this.setData({ loading: false, days, dayIndex: first < 0 ? 0 : first })
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) })
      }
    },
    chooseDay(e) {
      this.setData({ dayIndex: Number(e.currentTarget.dataset.index), session: null, slots: [] })
    },
    async chooseSession(e) {
      const session = this.data.days[this.data.dayIndex].sessions.find((s) => s.id === e.currentTarget.dataset.id)
      if (!session || !session.bookable) return
      this.setData({ session, slots: [], loadingSlots: true, error: '' })
      try {
        const slots = await scheduling.slots(session.id)
        this.setData({
          loadingSlots: false,
          slots: slots.map((s) => ({
            id: s.id, time: format.timeRange(s.startsAt, s.endsAt), remaining: s.remaining, bookable: s.status === 'open' && s.remaining > 0,
            statusText: s.status === 'open' && s.remaining > 0 ? `余 ${s.remaining}` : '已满',
          })),
        })
      } catch (err) {
        this.setData({ loadingSlots: false, error: messageOf(err) })
      }
    },
    chooseSlot(e) {
      const slot = this.data.slots.find((s) => s.id === e.currentTarget.dataset.id)
      if (!slot || !slot.bookable) return
      const q = `sessionId=${encodeURIComponent(this.data.session.id)}&slotId=${encodeURIComponent(slot.id)}&name=${encodeURIComponent(this.data.departmentName)}`
      wx.navigateTo({ url: `/pages/confirm/index?${q}` })
    },
  },
})
