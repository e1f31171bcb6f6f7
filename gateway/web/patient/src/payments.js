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
}
