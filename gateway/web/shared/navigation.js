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
