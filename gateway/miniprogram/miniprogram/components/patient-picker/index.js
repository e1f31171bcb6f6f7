const elder = require('../../utils/elder.js')

const RELATION_TEXT = { self: '本人', parent: '父母', child: '子女', spouse: '配偶', other: '其他' }

// 就诊人选择: the account's own patient and family members, masked as the server sends them. Emits `change` with the id.
Component({
  behaviors: [elder.behavior],
  properties: {
    patients: { type: Array, value: [] },
    selected: { type: String, value: '' },
  },
  observers: {
    'patients, selected'(patients, selected) {
      this.setData({
        items: (patients || []).map((p) => ({
          id: p.id,
          name: p.name,
          relation: RELATION_TEXT[p.relation] || (p.isSelf ? '本人' : '家人'),
          idNumberMasked: p.idNumberMasked,
          checked: p.id === selected,
        })),
      })
    },
  },
  data: { items: [] },
  methods: {
    choose(e) {
      this.triggerEvent('change', { id: e.currentTarget.dataset.id })
    },
  },
})
