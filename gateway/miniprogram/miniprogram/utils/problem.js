// RFC 7807 problem details (and OAuth's { error }) → the Chinese message a patient reads.
const STATUS_TITLES = {
  0: '网络连接失败，请检查网络后重试',
  400: '提交的信息有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已被他人修改，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
  500: '服务器开小差了，请稍后重试',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
}

function fallbackTitle(status) {
  return STATUS_TITLES[status] || (status >= 500 ? STATUS_TITLES[500] : '请求失败，请稍后重试')
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || fallbackTitle(status))
    this.name = 'ApiError'
    this.status = status
    this.problem = problem || null
    // The token endpoint's stable codes sit in `code` (and RFC 6749's in `error`).
    this.code = (problem && (problem.code || problem.error)) || null
  }
}

function messageOf(error) {
  if (error instanceof ApiError) return error.message
  return error && /[\u4e00-\u9fa5]/.test(error.message || '') ? error.message : '操作失败，请稍后重试'
}

module.exports = { ApiError, fallbackTitle, messageOf }
