import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createVoiceRecorder, voiceFileName, voiceType } from '../shared/voiceNote.js'

test('the recorder picks a format the browser supports and names the file after it', () => {
  assert.equal(voiceType((t) => t === 'audio/mp4'), 'audio/mp4')
  assert.equal(voiceType((t) => t.startsWith('audio/webm')), 'audio/webm;codecs=opus')
  assert.equal(voiceType(() => false), '')
  assert.equal(voiceFileName('audio/mp4'), 'voice.m4a')
  assert.equal(voiceFileName('audio/ogg'), 'voice.ogg')
  assert.equal(voiceFileName('audio/webm'), 'voice.webm')
})

test('a recording stops by itself after the limit, releases the microphone and yields a file', async () => {
  const stopped = []
  const stream = { getTracks: () => [{ stop: () => stopped.push('mic') }] }
  class FakeRecorder {
    static isTypeSupported(t) { return t === 'audio/ogg;codecs=opus' }
    constructor(s, options) { this.mimeType = options.mimeType; this.state = 'inactive' }
    start() { this.state = 'recording' }
    stop() {
      this.state = 'inactive'
      this.ondataavailable({ data: new Blob(['abc']) })
      this.onstop()
    }
  }
  let fire = null
  const recorder = createVoiceRecorder({
    mediaDevices: { getUserMedia: async () => stream }, Recorder: FakeRecorder, maxMs: 60000,
    setTimer: (fn) => { fire = fn; return 1 }, clearTimer() {},
  })
  await recorder.start()
  assert.equal(recorder.recording, true)
  fire()
  const file = await recorder.stop()
  assert.equal(file.name, 'voice.ogg')
  assert.equal(file.type, 'audio/ogg')
  assert.equal(file.size, 3)
  assert.deepEqual(stopped, ['mic'])
})
