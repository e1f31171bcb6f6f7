const session = require('../../utils/session.js')
const { handoverUrl } = require('../../utils/webview.js')
const { messageOf } = require('../../utils/problem.js')

// The patient H5 for the pages the mini-program does not carry (?path=/reports …), signed in by a one-time ticket.
Component({
  data: { src: '', error: '' },
  methods: {
    async onLoad(query) {
      if (!session.isSignedIn()) return wx.redirectTo({ url: '/pages/login/index' })
      try {
        this.setData({ src: await handoverUrl(decodeURIComponent((query && query.path) || '/')) })
      } catch (e) {
        this.setData({ error: messageOf(e) })
      }
    },
  },
})
