// Hospital service: indoor navigation (R23). Place ids are stable: /navigation?to=<placeId> opens the map at a place,
// and a WeChat QR scene "map:<placeId>" arrives as /navigation?from=<placeId>.
export function navigationApi(api) {
  return {
    maps: (options) => api.get('/api/hospital/navigation/maps', options),
    map: (code, options) => api.get(`/api/hospital/navigation/maps/${encodeURIComponent(code)}`, options),
    search: (q, options) => api.get(`/api/hospital/navigation/places?q=${encodeURIComponent(q)}`, options),
    place: (id, options) => api.get(`/api/hospital/navigation/places/${encodeURIComponent(id)}`, options),
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
