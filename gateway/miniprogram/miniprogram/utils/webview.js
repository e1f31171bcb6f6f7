// The pages the mini-program does not carry itself open the patient H5 in a web-view. The session crosses over as a
// one-time ticket the H5 redeems at /handover; a token never goes into a URL (web-view URLs reach logs and history).
const config = require('./config.js')
const { identity } = require('./api.js')

// Only the H5's own paths may be asked for: `next` is a path, not a URL.
function safePath(path) {
  const value = String(path || '/')
  return value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

async function handoverUrl(path) {
  const { ticket } = await identity.handover()
  return `${config.current().h5Base}/handover?ticket=${encodeURIComponent(ticket)}&to=${encodeURIComponent(safePath(path))}`
}

module.exports = { handoverUrl, safePath }
