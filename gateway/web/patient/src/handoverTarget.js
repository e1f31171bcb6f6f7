// The mini-program opens pages it does not carry natively in a web-view at /handover?ticket=…&to=/some/page.
// The ticket is single-use and leaves the address bar before anything else runs; `to` may only name a page of this app.

export function handoverTarget(to) {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return '/'
  if (to.startsWith('/handover')) return '/'
  return to
}

/** The current address without the ticket (other parameters, such as `to`, stay). */
export function withoutTicket(href) {
  const url = new URL(href)
  url.searchParams.delete('ticket')
  return url.pathname + url.search + url.hash
}
