import { listQuery } from '@shared/payment.js'
import { api } from '../platform.js'

// Payment API, staff part (docs/payment-api.md): orders, refunds, open issues and WeChat bill reconciliation.
const base = '/api/payment/admin'
const id = (value) => encodeURIComponent(value)

export const paymentsAdmin = {
  orders: ({ q, status, page, pageSize }) => api.get(`${base}/orders${listQuery({ q, status, page, pageSize })}`),
  refunds: ({ status, page, pageSize }) => api.get(`${base}/refunds${listQuery({ status, page, pageSize })}`),
  issues: () => api.get(`${base}/issues?open=true`),
  resolveIssue: (issueId, note) => api.post(`${base}/issues/${id(issueId)}/resolve`, { note }),
  reconciliations: () => api.get(`${base}/reconciliations`),
  reconcile: (billDate) => api.post(`${base}/reconciliations`, { billDate }),
}

// Tag colours of the statuses, Element Plus types.
export const ORDER_STATUS_TAG = Object.freeze({
  pending: 'warning', settling: 'primary', paid: 'success', closed: 'info', refunding: 'primary', refunded: 'info', partiallyRefunded: 'primary',
})
export const REFUND_STATUS_TAG = Object.freeze({ processing: 'primary', succeeded: 'success', abnormal: 'danger' })
export const RECONCILIATION_STATUS_TAG = Object.freeze({ matched: 'success', differences: 'warning', failed: 'danger' })
export const PAGE_SIZES = Object.freeze([20, 50, 100])
