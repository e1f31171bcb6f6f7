// Connects to the notifications hub as one user and prints what arrives, one JSON object per line:
//   {"event":"connected"} | {"event":"message","data":{…}} | {"event":"unreadCount","data":{…}} | {"event":"caughtUp","count":n}
// Usage: node client.mjs --url http://127.0.0.1:port/hubs/notifications --token JWT [--since id|iso] [--expect n] [--timeout ms]
// Exits 0 after --expect messages, 2 on timeout, 1 on connection errors.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    since: { type: 'string' },
    expect: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '30000' },
  },
})
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n')
const expected = Number(values.expect)
let received = 0

const connection = new HubConnectionBuilder()
  .withUrl(values.url, { accessTokenFactory: () => values.token ?? '' })
  .configureLogging(LogLevel.Error)
  .build()

async function finish(code) {
  clearTimeout(timer)
  await connection.stop().catch(() => {})
  process.exit(code)
}

const timer = setTimeout(() => {
  print({ event: 'timeout', received })
  finish(2)
}, Number(values.timeout))

connection.on('message', (data) => {
  received += 1
  print({ event: 'message', data })
  if (received >= expected) setTimeout(() => finish(0), 300) // let a trailing unreadCount arrive
})
connection.on('unreadCount', (data) => print({ event: 'unreadCount', data }))

try {
  await connection.start()
  print({ event: 'connected' })
  if (values.since !== undefined) {
    const count = await connection.invoke('CatchUp', values.since)
    print({ event: 'caughtUp', count })
  }
} catch (error) {
  print({ event: 'error', message: String(error?.message ?? error) })
  await finish(1)
}
