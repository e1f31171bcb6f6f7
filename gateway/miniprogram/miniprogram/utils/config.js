const defaults = require('../config.js')

// The base URLs in use: config.js, unless a test (or a hospital's DevTools session) overrides them in storage.
let overrides = {}

function current() {
  return { ...defaults, ...overrides }
}

function override(values) {
  overrides = { ...overrides, ...values }
}

function reset() {
  overrides = {}
}

module.exports = { current, override, reset }
