// miniprogram-simulate needs a DOM: jsdom provides it before the simulator loads. Pages are built with the Component
// constructor so the simulator renders them like any custom component; tests call their page lifecycle themselves.
const path = require('node:path')
const { JSDOM } = require('jsdom')

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
for (const key of ['window', 'document']) global[key] = dom.window[key === 'window' ? 'window' : 'document']
// Node has its own Event; j-component's events must be jsdom's to reach jsdom's elements.
for (const key of ['Node', 'HTMLElement', 'Element', 'Event', 'CustomEvent', 'MutationObserver', 'getComputedStyle']) {
  global[key] = dom.window[key]
}
if (!global.navigator) Object.defineProperty(global, 'navigator', { value: dom.window.navigator, configurable: true })

const simulate = require('miniprogram-simulate')
const { createWx } = require('./wx-mock.js')

const ROOT = path.join(__dirname, '..', '..', 'miniprogram')
const config = require(path.join(ROOT, 'utils', 'config.js'))

// A fresh mocked wx (and empty storage) for one test; `routes` answer wx.request.
function install(options = {}) {
  const wx = createWx({ ...options, base: options.apiBase || 'https://mp.test' })
  global.wx = wx
  global.getCurrentPages = () => wx.pageStack
  global.getApp = () => ({ globalData: {} })
  config.reset()
  config.override({ apiBase: options.apiBase || 'https://mp.test', h5Base: options.h5Base || 'https://h5.test' })
  return wx
}

function render(relativePath, properties) {
  const id = simulate.load(path.join(ROOT, relativePath), { rootPath: ROOT })
  const comp = simulate.render(id, properties)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

// A page of the app: rendered, then onLoad(query) as the framework would.
async function openPage(name, query = {}) {
  const comp = render(`pages/${name}/index`)
  if (comp.instance.onLoad) await comp.instance.onLoad(query)
  return comp
}

// Waits on a condition, never a fixed sleep.
async function waitFor(condition, { timeout = 10000, what = 'condition' } = {}) {
  const started = Date.now()
  for (;;) {
    const value = await condition()
    if (value) return value
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

// Taps a plain view (bindtap) by selector.
function tap(comp, selector) {
  find(comp, selector).dispatchEvent('tap')
}

// Clicks a Vant button (bind:click) by selector: the tap lands on its inner <button>, as a finger would.
function click(comp, selector) {
  const node = find(comp, selector)
  const inner = node.querySelector('.van-button') || node.querySelector('.van-cell') || node.querySelector('.van-switch') || node.querySelector('button')
  if (inner) inner.dispatchEvent('tap')
  else node.dispatchEvent('click')
}

// Types into a Vant field (bind:change carries the value in `detail`).
function type(comp, selector, value) {
  find(comp, selector).dispatchEvent('change', { detail: value })
}

function find(comp, selector) {
  const node = comp.querySelector(selector)
  if (!node) throw new Error(`${selector} is not on the page: ${text(comp).slice(0, 200)}`)
  return node
}

// The next navigation the page asked for (taken off the list).
async function navigated(wx) {
  await waitFor(() => wx.navigations.length > 0, { what: 'a navigation' })
  return wx.navigations.shift()
}

// The simulator drops the attributes of built-in elements (open-type, aria-label, src), so they are read from the
// page's template: the attribute of the element with this id (or tag).
function templateAttribute(relativePath, selector, attribute) {
  const source = require('node:fs').readFileSync(path.join(ROOT, `${relativePath}.wxml`), 'utf8')
  const tags = source.match(/<[a-z-]+\b[^>]*>/g) || []
  const tag = tags.find((t) => (selector.startsWith('#') ? new RegExp(`\\sid="${selector.slice(1)}"`).test(t) : t.startsWith(`<${selector}`)))
  if (!tag) return null
  const match = new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)
  return match ? match[1] : null
}

function text(comp, selector) {
  const node = selector ? comp.querySelector(selector) : comp
  return node ? node.dom.textContent.replace(/\s+/g, ' ').trim() : ''
}

module.exports = { ROOT, simulate, install, render, openPage, waitFor, navigated, templateAttribute, tap, click, type, text, config }
