// Voice notes (X08): recorded with the browser's MediaRecorder in a format it supports (Opus in WebM or Ogg, or AAC
// in MP4 on Safari), stopped by the user or after a minute, handed back as a File ready to upload.

export const VOICE_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4']
export const MAX_VOICE_MS = 60_000

export function voiceType(isSupported) {
  return VOICE_TYPES.find((t) => isSupported(t)) ?? ''
}

export function voiceFileName(type) {
  return type.startsWith('audio/mp4') ? 'voice.m4a' : type.startsWith('audio/ogg') ? 'voice.ogg' : 'voice.webm'
}

export function createVoiceRecorder({
  mediaDevices = globalThis.navigator?.mediaDevices, Recorder = globalThis.MediaRecorder, maxMs = MAX_VOICE_MS,
  setTimer = setTimeout, clearTimer = clearTimeout,
} = {}) {
  let recorder = null
  let stream = null
  let chunks = []
  let finished = null
  let timer = null

  async function start() {
    stream = await mediaDevices.getUserMedia({ audio: true })
    const type = voiceType((t) => Recorder.isTypeSupported?.(t) ?? false)
    recorder = new Recorder(stream, type ? { mimeType: type } : undefined)
    chunks = []
    finished = new Promise((resolve) => {
      recorder.ondataavailable = (e) => { if (e.data?.size) chunks.push(e.data) }
      recorder.onstop = () => {
        const mime = (recorder.mimeType || type || 'audio/webm').split(';')[0]
        for (const track of stream.getTracks()) track.stop()
        resolve(new File(chunks, voiceFileName(mime), { type: mime }))
      }
    })
    recorder.start()
    timer = setTimer(() => stop(), maxMs)
  }

  function stop() {
    clearTimer(timer)
    if (recorder && recorder.state !== 'inactive') recorder.stop()
    return finished
  }

  return { start, stop, get recording() { return recorder?.state === 'recording' } }
}
