// The mini-program opens pages it does not carry natively in a web-view at /handover?ticket=…&to=/some/page.
// The ticket is single-use and leaves the address bar before anything else runs; `to` may only name a page of this app.

export function handoverTarget(to) {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return '/'
  if (to.startsWith('/handover')) return '/'
  return to
}

/** An address (absolute, or a path as the router's history state keeps it) without the ticket; the rest stays. */
export function withoutTicket(href) {
  const url = new URL(href, 'http://localhost')
  url.searchParams.delete('ticket')
  return url.pathname + url.search + url.hash
}
