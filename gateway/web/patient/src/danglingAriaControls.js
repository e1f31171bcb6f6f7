// Vant's tabs used as plain filters (就医指南, 预约须知, 登录方式) render no panels, yet each tab keeps
// aria-controls pointing at a panel id that is never in the page, which sends a screen reader nowhere. Pages added
// later get this without doing anything: drop a reference whose target is missing whenever the page changes.
export function watchDanglingAriaControls(root = document.body) {
  const drop = () => {
    for (const el of root.querySelectorAll('[aria-controls]')) {
      if (!document.getElementById(el.getAttribute('aria-controls'))) el.removeAttribute('aria-controls')
    }
  }
  new MutationObserver(drop).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-controls'] })
  drop()
}
