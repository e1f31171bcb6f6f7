// Hospital service: the staff publishing workflow (draft → review → publish) for every content type.
export function contentAdminApi(api) {
  const item = (type, key) => `/api/hospital/admin/content/${encodeURIComponent(type)}/${encodeURIComponent(key)}`
  const step = (name) => (type, key, number, version, note) =>
    api.post(`${item(type, key)}/revisions/${number}/${name}`, { version, note })
  return {
    types: () => api.get('/api/hospital/admin/content-types'),
    list: (type) => api.get(`/api/hospital/admin/content/${encodeURIComponent(type)}`),
    get: (type, key) => api.get(item(type, key)),
    audit: (type, key) => api.get(`${item(type, key)}/audit`),
    recentAudit: () => api.get('/api/hospital/admin/audit'),
    createDraft: (type, key, content) => api.post(`${item(type, key)}/revisions`, { content }),
    editDraft: (type, key, number, content, version) => api.put(`${item(type, key)}/revisions/${number}`, { content, version }),
    preview: (type, key, number) => api.get(`${item(type, key)}/revisions/${number}/preview`),
    submit: step('submit'),
    withdraw: step('withdraw'),
    publish: step('publish'),
    reject: step('reject'),
    discard: step('discard'),
    upload: (file) => {
      const form = new FormData()
      form.append('file', file)
      return api.upload('/api/hospital/admin/media', form)
    },
  }
}

export const REVISION_STATUS = Object.freeze({
  draft: { label: '草稿', type: 'info' },
  in_review: { label: '待审核', type: 'warning' },
  published: { label: '已发布', type: 'success' },
  discarded: { label: '已废弃', type: 'danger' },
})
