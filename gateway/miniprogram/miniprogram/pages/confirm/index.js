const elder = require('../../utils/elder.js')
const session = require('../../utils/session.js')
const booking = require('../../utils/booking.js')
const format = require('../../utils/format.js')
const { identity, scheduling } = require('../../utils/api.js')
const { messageOf } = require('../../utils/problem.js')

const STEP_TEXT = {
  subscribing: '请选择是否接收预约通知…',
  booking: '正在提交预约…',
  locking: '医院正在锁定号源…',
  paying: '正在发起微信支付…',
  confirming: '正在确认支付结果…',
}

function appointmentView(a) {
  return {
    id: a.id, status: a.status, statusText: a.statusText || format.STATUS_TEXT[a.status], departmentName: a.departmentName,
    doctorName: a.doctorName, location: a.location, when: `${format.dateTime(a.startsAt)}–${format.time(a.endsAt)}`,
    fee: format.yuan(a.feeFen), failureReason: a.failureReason || '',
  }
}

// 确认预约: the chosen slot, the 就诊人, then subscribe → book → pay → the appointment as the hospital confirmed it.
Component({
  behaviors: [elder.behavior],
  data: {
    loading: true, error: '', departmentName: '', slot: null, patients: [], patientId: '',
    step: '', stepText: '', appointment: null, canPay: false,
  },
  methods: {
    async onLoad(query) {
      if (!session.isSignedIn()) return wx.redirectTo({ url: '/pages/login/index' })
      this.sessionId = query.sessionId
      this.slotId = query.slotId
      this.setData({ departmentName: decodeURIComponent(query.name || '') })
      try {
        const [slots, patients] = await Promise.all([scheduling.slots(this.sessionId), identity.patients()])
        const slot = slots.find((s) => s.id === this.slotId)
        if (!slot) throw new Error('该时段不存在或已被调整，请重新选择')
        const self = patients.find((p) => p.isSelf) || patients[0]
        this.setData({
          loading: false, patients, patientId: self ? self.id : '',
          slot: { id: slot.id, doctorName: slot.doctorName, when: `${format.dateTime(slot.startsAt)}–${format.time(slot.endsAt)}`, fee: format.yuan(slot.feeFen) },
        })
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) })
      }
    },

    onPatient(e) {
      if (this.data.step) return
      this.setData({ patientId: e.detail.id })
    },

    setStep(step) {
      this.setData({ step, stepText: STEP_TEXT[step] || '' })
    },

    async submit() {
      if (this.data.step || !this.data.slot) return
      if (!this.data.patientId) return this.setData({ error: '请选择就诊人' })
      this.setData({ error: '' })
      // One key per attempt (slot + patient): a retry after a lost answer gets the first booking back, not a second.
      const scope = `${this.data.slot.id}:${this.data.patientId}`
      if (this.attemptScope !== scope) {
        this.attemptScope = scope
        this.attemptKey = format.newIdempotencyKey()
      }
      try {
        this.setStep('subscribing')
        await booking.askSubscriptions()
        this.setStep('booking')
        const booked = await booking.book(this.data.slot.id, this.data.patientId, this.attemptKey)
        this.setStep('locking')
        const settled = await booking.settle(booked.id)
        this.show(settled)
        if (settled.status === 'awaitingPayment') await this.pay()
        else this.setStep('')
      } catch (e) {
        this.setData({ step: '', stepText: '', error: format.BOOKING_ERRORS[e.code] || messageOf(e) })
      }
    },

    async pay() {
      const appointment = this.data.appointment
      this.setData({ error: '' })
      try {
        this.setStep('paying')
        const order = await booking.findOrder(appointment.id)
        if (!order) throw new Error('暂未生成支付订单，请稍后在「我的预约」中支付')
        const paid = await booking.pay(order)
        if (paid.status === 'cancelled') {
          this.setData({ step: '', stepText: '', canPay: true, error: '支付未完成，号源保留期内可继续支付' })
          return
        }
        if (paid.status !== 'paid') {
          this.setData({ step: '', stepText: '', canPay: paid.status !== 'closed', error: paid.status === 'closed' ? '订单已关闭，无法支付' : '暂未确认到账，如已付款请稍候，结果会自动更新' })
          return
        }
        this.setStep('confirming')
        this.show(await booking.untilFinal(appointment.id))
        this.setData({ step: '', stepText: '', canPay: false })
      } catch (e) {
        this.setData({ step: '', stepText: '', canPay: true, error: messageOf(e) })
      }
    },

    show(appointment) {
      this.setData({ appointment: appointmentView(appointment), canPay: appointment.status === 'awaitingPayment' })
    },

    viewAppointment() {
      wx.redirectTo({ url: `/pages/appointment/index?id=${encodeURIComponent(this.data.appointment.id)}` })
    },
  },
})
