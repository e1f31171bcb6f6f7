const elder = require('../../utils/elder.js')
const { scheduling } = require('../../utils/api.js')
const { messageOf } = require('../../utils/problem.js')

// 选择科室: the bookable departments by campus (public, no sign-in needed to browse).
Component({
  behaviors: [elder.behavior],
  data: { loading: true, error: '', campuses: [] },
  methods: {
    async onLoad() {
      await this.load()
    },
    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const departments = await scheduling.departments()
        const byCampus = {}
        departments.forEach((d) => (byCampus[d.campus] = byCampus[d.campus] || []).push(d))
        this.setData({ loading: false, campuses: Object.keys(byCampus).map((name) => ({ name, departments: byCampus[name] })) })
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) })
      }
    },
    choose(e) {
      const { id, name } = e.currentTarget.dataset
      wx.navigateTo({ url: `/pages/slots/index?departmentId=${encodeURIComponent(id)}&name=${encodeURIComponent(name)}` })
    },
  },
})
