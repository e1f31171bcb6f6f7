// Hospital service: indoor navigation (R23). Place ids are stable: /navigation?to=<placeId> opens the map at a place,
// and a WeChat QR scene "map:<placeId>" arrives as /navigation?from=<placeId>.
export function navigationApi(api) {
  return {
    maps: (options) => api.get('/api/hospital/navigation/maps', options),
    map: (code, options) => api.get(`/api/hospital/navigation/maps/${encodeURIComponent(code)}`, options),
    search: (q, options) => api.get(`/api/hospital/navigation/places?q=${encodeURIComponent(q)}`, options),
    place: (id, options) => api.get(`/api/hospital/navigation/places/${encodeURIComponent(id)}`, options),
    // X07: the walk between two places — a polyline per floor, spoken-style steps, metres and minutes.
    route: (from, to, { accessible = false } = {}, options) =>
      api.get(`/api/hospital/navigation/route?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&accessible=${accessible}`, options),
  }
}

export function navigationLink(placeId) {
  return `/navigation?to=${encodeURIComponent(placeId)}`
}

export function placeWhere(place) {
  return [place?.campus, place?.building, place?.floorLabel, place?.room].filter(Boolean).join(' · ')
}

// An uploaded map is shown as an image, so nothing in it can run even if sanitising missed something.
export function svgDataUrl(svg) {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg ?? '')}`
}

// Staff: drawings are uploaded (sanitised by the server) and then referenced by a floor-map draft.
export function navigationAdminApi(api) {
  return {
    uploadDrawing: (svg) => api.post('/api/hospital/admin/navigation/drawings', { svg }),
    drawing: (id) => api.get(`/api/hospital/admin/navigation/drawings/${encodeURIComponent(id)}`),
  }
}

export const PLACE_KINDS = Object.freeze([
  { value: 'department', label: '科室' },
  { value: 'clinic', label: '诊室' },
  { value: 'lab', label: '检验检查' },
  { value: 'pharmacy', label: '药房' },
  { value: 'payment', label: '收费窗口' },
  { value: 'lift', label: '电梯' },
  { value: 'toilet', label: '卫生间' },
  { value: 'service', label: '服务台' },
])

// Where a route's leg is drawn: "x,y x,y …" for an SVG polyline in the floor drawing's units.
export function polylinePoints(leg) {
  return (leg?.points ?? []).map((p) => `${round1(p.x)},${round1(p.y)}`).join(' ')
}

function round1(n) {
  return Math.round(n * 10) / 10
}

export const CONNECTORS = Object.freeze([
  { value: 'lift', label: '电梯' },
  { value: 'stairs', label: '楼梯' },
  { value: 'escalator', label: '扶梯' },
  { value: 'passage', label: '连廊' },
])

export function connectorLabel(kind) {
  return CONNECTORS.find((c) => c.value === kind)?.label ?? ''
}

// 「乘电梯到3F」 for the floor switch under a route map: how the patient reaches each leg after the first.
export function legCaption(leg, index) {
  const where = `${leg.building} ${leg.floorLabel}`
  if (index === 0 || !leg.arriveBy) return `起点 · ${where}`
  return `${connectorLabel(leg.arriveBy) || '通道'}到 ${where}`
}

// The floor-map editor's walkway: pure edits on a document's nodes and edges, so node --test covers them.
export function nextNodeId(nodes) {
  const used = new Set((nodes ?? []).map((n) => n.id))
  let i = (nodes?.length ?? 0) + 1
  while (used.has(`n${i}`)) i++
  return `n${i}`
}

export function hasEdge(edges, a, b) {
  return (edges ?? []).some((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a))
}

// Link two nodes, or unlink them when they already are.
export function toggleEdge(edges, a, b) {
  if (!a || !b || a === b) return edges
  return hasEdge(edges, a, b)
    ? edges.filter((e) => !((e.from === a && e.to === b) || (e.from === b && e.to === a)))
    : [...edges, { from: a, to: b }]
}

// Removing a node removes its corridors, and the places attached to it fall back to their nearest node.
export function removeNode(doc, id) {
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => n.id !== id),
    edges: doc.edges.filter((e) => e.from !== id && e.to !== id),
    places: doc.places.map((p) => (p.nodeId === id ? { ...p, nodeId: '' } : p)),
  }
}

// A document saved before walkways existed has none of these fields.
export function withWalkway(doc) {
  return { metersPerUnit: 0.1, nodes: [], edges: [], ...doc, places: (doc?.places ?? []).map((p) => ({ nodeId: '', ...p })) }
}
