// Registers the service worker (sw.js, docs/design.md §7 "Offline") once the page has loaded, so that its downloads
// never compete with the first view. Not served on its own: scripts/post-build puts it at the head of
// boot-<hash>.js (before the loader's `await`, which may end after `load`).
//
// The CSP enforces Trusted Types (`require-trusted-types-for 'script'; trusted-types myna-guide`, docs/design.md
// §6.4): no string can become HTML, script or a script's URL. `register` takes a script URL, so the guide creates
// its one policy, `myna-guide`, which lets exactly `sw.js` through and refuses anything else; no other policy can
// be created. A failure (no support, storage blocked in a third-party frame, a file: page) changes nothing: the
// guide works without the worker, and nothing is logged.
function registerServiceWorker() {
  try {
    const tt = self.trustedTypes;
    const url = tt
      ? tt.createPolicy('myna-guide', {
          createScriptURL: (u) => {
            if (u !== 'sw.js') throw new TypeError('myna-guide: only sw.js');
            return u;
          },
        }).createScriptURL('sw.js')
      : 'sw.js';
    navigator.serviceWorker.register(url).catch(() => {});
  } catch {
    // No service worker here.
  }
}
if (document.readyState === 'complete') registerServiceWorker();
else addEventListener('load', registerServiceWorker);
