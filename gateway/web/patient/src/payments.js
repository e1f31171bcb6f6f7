import { api } from './platform.js'

// Payment API (docs/payment-api.md) as the patient calls it: the account's orders, paying one (the server chooses
// WeChat's in-app cashier or a QR code to scan) and asking WeChat Pay for the result at once.
const base = '/api/payment/orders'
const id = (value) => encodeURIComponent(value)

export const payments = {
  orders: (sourceId) => api.get(sourceId ? `${base}?sourceId=${id(sourceId)}` : base),
  order: (orderId) => api.get(`${base}/${id(orderId)}`),
  pay: (orderId) => api.post(`${base}/${id(orderId)}/pay`, {}),
  query: (orderId) => api.post(`${base}/${id(orderId)}/query`, {}),
  // 医保移动支付 (X02): the 医保电子凭证 page's address, the 预结算 with its answer, and confirming a bill insurance pays
  // in full. (Paying oneself instead is the bill's own 自费缴费, which makes the order forget the split.)
  authorizeInsurance: (orderId) => api.post(`${base}/${id(orderId)}/insurance/authorize`, {}),
  preSettleInsurance: (orderId, ecToken, state) => api.post(`${base}/${id(orderId)}/insurance`, { ecToken, state }),
  confirmInsurance: (orderId) => api.post(`${base}/${id(orderId)}/insurance/confirm`, {}),
  eInvoicePdf: (orderId, red) => api.getBlob(`${base}/${id(orderId)}/e-invoice/pdf${red === undefined ? '' : `?red=${red}`}`),
}

// Bills the HIS charged (在线缴费) and inpatient deposits (住院预交金) of one 就诊人; each is paid through an order.
const q = (patientId) => `?patientId=${id(patientId)}`
export const billing = {
  bills: (patientId) => api.get(`/api/payment/bills${q(patientId)}`),
  // unsent: an order not yet sent to WeChat Pay (to pay through medical insurance).
  billOrder: (invoiceId, patientId, { unsent = false } = {}) =>
    api.post(`/api/payment/bills/${id(invoiceId)}/order`, unsent ? { patientId, unsent } : { patientId }),
  deposits: (patientId) => api.get(`/api/payment/deposits${q(patientId)}`),
  topUp: (accountId, patientId, amountFen) => api.post(`/api/payment/deposits/${id(accountId)}/top-up`, { patientId, amountFen }),
}
