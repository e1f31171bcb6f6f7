// Video consultation (X08) in the browser: WebRTC with the offer and answer carried by the Consultation API and the
// platform's push (consultationSignal). Non-trickle ICE: each side waits (briefly) for its candidates to be gathered
// and sends them inside its SDP, so one message each way sets up the call. No camera: the call falls back to voice.

export const CALL_STATE_TEXT = Object.freeze({
  idle: '',
  calling: '正在呼叫，等待对方接听…',
  ringing: '医生邀请您进行视频问诊',
  connecting: '正在连接…',
  connected: '通话中',
  ended: '通话已结束',
  declined: '对方已挂断',
  failed: '通话连接失败，请检查网络后重试',
})

// Camera and microphone; when there is no camera (or it is refused) the microphone alone: a voice call.
export async function localMedia(mediaDevices) {
  try {
    return { stream: await mediaDevices.getUserMedia({ video: true, audio: true }), audioOnly: false }
  } catch {
    return { stream: await mediaDevices.getUserMedia({ audio: true }), audioOnly: true }
  }
}

// Resolves when the connection has gathered its ICE candidates, or after timeoutMs with those found so far.
export function gatheringDone(pc, timeoutMs = 3000) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs)
    function done() {
      clearTimeout(timer)
      pc.removeEventListener?.('icegatheringstatechange', check)
      resolve()
    }
    function check() {
      if (pc.iceGatheringState === 'complete') done()
    }
    pc.addEventListener('icegatheringstatechange', check)
  })
}

// One call at a time for one consultation. api: { ice(id), signal(id, kind, data, callId) }.
export function createCall({
  consultationId, api, onState, onLocal, onRemote, PeerConnection = globalThis.RTCPeerConnection,
  mediaDevices = globalThis.navigator?.mediaDevices, newId = () => globalThis.crypto.randomUUID(), gatherMs = 3000,
}) {
  let pc = null
  let stream = null
  let callId = null

  async function open() {
    const { iceServers } = await api.ice(consultationId)
    pc = new PeerConnection({ iceServers: (iceServers ?? []).map((s) => ({ urls: s.urls, username: s.username ?? undefined, credential: s.credential ?? undefined })) })
    pc.ontrack = (event) => onRemote(event.streams?.[0] ?? null)
    pc.onconnectionstatechange = () => {
      if (!pc) return
      if (pc.connectionState === 'connected') onState('connected')
      else if (pc.connectionState === 'failed') close('failed')
    }
    const media = await localMedia(mediaDevices)
    stream = media.stream
    onLocal(stream, media.audioOnly)
    for (const track of stream.getTracks()) pc.addTrack(track, stream)
  }

  async function start() {
    callId = newId()
    onState('calling')
    await open()
    await pc.setLocalDescription(await pc.createOffer())
    await gatheringDone(pc, gatherMs)
    await api.signal(consultationId, 'offer', pc.localDescription.sdp, callId)
  }

  async function accept(offer) {
    callId = offer.callId
    onState('connecting')
    await open()
    await pc.setRemoteDescription({ type: 'offer', sdp: offer.data })
    await pc.setLocalDescription(await pc.createAnswer())
    await gatheringDone(pc, gatherMs)
    await api.signal(consultationId, 'answer', pc.localDescription.sdp, callId)
  }

  // A signal from the other side (already known to be for this consultation).
  async function received(signal) {
    if (!callId || signal.callId !== callId) return
    if (signal.kind === 'answer' && pc) {
      onState('connecting')
      await pc.setRemoteDescription({ type: 'answer', sdp: signal.data })
    } else if (signal.kind === 'hangup') {
      close('declined')
    }
  }

  async function hangup() {
    const id = callId
    close('ended')
    if (id) await api.signal(consultationId, 'hangup', '', id).catch(() => {})
  }

  function close(state) {
    for (const track of stream?.getTracks() ?? []) track.stop()
    pc?.close()
    pc = null
    stream = null
    callId = null
    onState(state)
  }

  return { start, accept, received, hangup, get callId() { return callId } }
}
