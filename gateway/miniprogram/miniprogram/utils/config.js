const defaults = require('../config.js')

// The base URLs in use: config.js, unless overridden in memory (the tests point them at their mocked or live server).
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
