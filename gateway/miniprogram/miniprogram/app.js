const http = require('./utils/http.js')

App({
  onLaunch() {
    // A session the server no longer accepts (and could not refresh) sends the patient to sign in again.
    http.onUnauthorized(() => {
      wx.navigateTo({ url: '/pages/login/index' })
    })
  },
})
