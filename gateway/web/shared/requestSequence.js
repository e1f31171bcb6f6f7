// Lists reloaded as a filter or tab changes: a slow answer to an earlier request must not overwrite the answer to a
// later one. Each call starts a request and returns a check of whether it is still the latest.
export function requestSequence() {
  let latest = 0
  return () => {
    const mine = ++latest
    return () => mine === latest
  }
}
