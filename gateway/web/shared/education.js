// Hospital service: health education (R35).
export function educationApi(api) {
  return {
    specialties: (options) => api.get('/api/hospital/education/specialties', options),
    list: ({ q, specialty, disease } = {}, options) => {
      const query = new URLSearchParams()
      if (q) query.set('q', q)
      if (specialty) query.set('specialty', specialty)
      if (disease) query.set('disease', disease)
      const text = query.toString()
      return api.get(`/api/hospital/education/articles${text ? `?${text}` : ''}`, options)
    },
    get: (slug, options) => api.get(`/api/hospital/education/articles/${encodeURIComponent(slug)}`, options),
    read: (slug) => api.post(`/api/hospital/education/articles/${encodeURIComponent(slug)}/reads`, {}, { anonymous: true }),
    recommended: (options) => api.get('/api/hospital/education/recommendations', options),
    staffList: (options) => api.get('/api/hospital/admin/education/articles', options),
  }
}

export function formatDate(value) {
  if (!value) return ''
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value))
}
