import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createCall, gatheringDone, localMedia } from '../shared/videoCall.js'

class FakeTrack { constructor(kind) { this.kind = kind; this.stopped = false } stop() { this.stopped = true } }
class FakeStream { constructor(kinds) { this.tracks = kinds.map((k) => new FakeTrack(k)) } getTracks() { return this.tracks } }
const camera = { getUserMedia: async (c) => new FakeStream(c.video ? ['video', 'audio'] : ['audio']) }
const noCamera = { getUserMedia: async (c) => { if (c.video) throw new Error('NotFoundError'); return new FakeStream(['audio']) } }

class FakePeer {
  constructor(config) { this.config = config; this.iceGatheringState = 'new'; this.added = []; this.listeners = {}; this.closed = false }
  addEventListener(name, fn) { this.listeners[name] = fn }
  removeEventListener() {}
  addTrack(track) { this.added.push(track.kind) }
  async createOffer() { return { type: 'offer', sdp: 'offer-sdp' } }
  async createAnswer() { return { type: 'answer', sdp: 'answer-sdp' } }
  async setLocalDescription(d) {
    this.localDescription = { ...d, sdp: `${d.sdp}+candidates` }
    setTimeout(() => { this.iceGatheringState = 'complete'; this.listeners.icegatheringstatechange?.() }, 5)
  }
  async setRemoteDescription(d) { this.remoteDescription = d }
  close() { this.closed = true }
}

test('no camera falls back to a voice call', async () => {
  assert.equal((await localMedia(camera)).audioOnly, false)
  const voice = await localMedia(noCamera)
  assert.equal(voice.audioOnly, true)
  assert.deepEqual(voice.stream.getTracks().map((t) => t.kind), ['audio'])
})

test('gathering waits for complete or gives up after the timeout', async () => {
  const started = Date.now()
  await gatheringDone({ iceGatheringState: 'gathering', addEventListener() {} }, 30)
  assert.ok(Date.now() - started >= 25)
  await gatheringDone({ iceGatheringState: 'complete' })
})

test('the caller sends its gathered offer with TURN credentials configured, applies the answer and hangs up cleanly', async () => {
  const sent = []
  const states = []
  let peer = null
  const api = {
    ice: async () => ({ iceServers: [{ urls: ['turn:t:3478'], username: '1:abc', credential: 'c' }, { urls: ['stun:t:3478'], username: null }] }),
    signal: async (...args) => sent.push(args),
  }
  const call = createCall({
    consultationId: 'c1', api, onState: (s) => states.push(s), onLocal() {}, onRemote() {}, mediaDevices: camera, newId: () => 'call-1',
    PeerConnection: class extends FakePeer { constructor(c) { super(c); peer = this } },
  })
  await call.start()
  assert.deepEqual(sent[0], ['c1', 'offer', 'offer-sdp+candidates', 'call-1'])
  assert.deepEqual(peer.config.iceServers[0], { urls: ['turn:t:3478'], username: '1:abc', credential: 'c' })
  assert.equal(peer.config.iceServers[1].username, undefined)
  assert.deepEqual(peer.added, ['video', 'audio'])
  await call.received({ kind: 'answer', data: 'answer-sdp', callId: 'someone-else' })
  assert.equal(peer.remoteDescription, undefined)
  await call.received({ kind: 'answer', data: 'answer-sdp', callId: 'call-1' })
  assert.deepEqual(peer.remoteDescription, { type: 'answer', sdp: 'answer-sdp' })
  await call.hangup()
  assert.equal(peer.closed, true)
  assert.deepEqual(sent[1], ['c1', 'hangup', '', 'call-1'])
  assert.deepEqual(states, ['calling', 'connecting', 'ended'])
})

test('the callee answers the offer it was sent', async () => {
  const sent = []
  const call = createCall({
    consultationId: 'c1', api: { ice: async () => ({ iceServers: [] }), signal: async (...a) => sent.push(a) }, onState() {}, onLocal() {},
    onRemote() {}, mediaDevices: noCamera, PeerConnection: FakePeer,
  })
  await call.accept({ kind: 'offer', data: 'offer-sdp', callId: 'call-9' })
  assert.deepEqual(sent[0], ['c1', 'answer', 'answer-sdp+candidates', 'call-9'])
  assert.equal(call.callId, 'call-9')
})
