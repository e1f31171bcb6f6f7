import { claimsFromToken } from '../auth.js'

// Which menu entries a signed-in account may open: an entry with `roles` only for tokens carrying one of them (the
// services refuse the rest anyway; this keeps a doctor's menu free of the pharmacist's desk and the other way round).
export function rolesOf(token) {
  const role = claimsFromToken(token)?.role
  return Array.isArray(role) ? role : role ? [role] : []
}

export function allowed(item, roles) {
  return !item.roles?.length || item.roles.some((r) => roles.includes(r))
}

export function menuFor(menu, token) {
  const roles = rolesOf(token)
  return menu.filter((item) => allowed(item, roles))
}
