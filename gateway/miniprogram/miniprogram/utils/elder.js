// 长辈模式: larger type, high contrast and labelled controls. Every page mixes this behaviour in and puts `elderClass`
// on its root view; 我的 switches it and the app tells the open pages.
const storage = require('./storage.js')

const listeners = new Set()

function setElder(on) {
  storage.setElder(on)
  listeners.forEach((fn) => fn(Boolean(on)))
}

const behavior = Behavior({
  data: { elder: false, elderClass: '' },
  lifetimes: {
    attached() {
      this._elderListener = (on) => this.setData({ elder: on, elderClass: on ? 'elder' : '' })
      listeners.add(this._elderListener)
      this._elderListener(storage.elder())
    },
    detached() {
      listeners.delete(this._elderListener)
    },
  },
})

module.exports = { behavior, setElder, isElder: () => storage.elder() }
