// The guide's service worker (docs/design.md §7, "Offline"): after the first visit the guide works without a
// network. scripts/post-build fills in the build's files; this file is served unhashed, at the root, so that
// it controls the whole guide. It fetches only the guide's own files and stores nothing the citizen typed.
'use strict';

const BUILD = '__MYNA_BUILD__';
/** Hashed files: their names change with their content, so a cached copy is always right (cache first). */
const HASHED = __MYNA_HASHED__;
/** Files that keep their names across builds: the network first, the cached copy when offline. */
const FRESH = __MYNA_FRESH__;
const CACHE = `myna-guide-${BUILD}`;

self.addEventListener('install', (event) => {
  // No skipWaiting: a journey never changes version midway; the new build takes over on the next visit.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...HASHED, ...FRESH])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('myna-guide-') && k !== CACHE).map((k) => caches.delete(k))),
      ),
  );
});

/** The file a request names, relative to the guide's folder ('' for the folder itself). */
function fileOf(url) {
  const base = new URL(self.registration.scope).pathname;
  return url.pathname.startsWith(base) ? url.pathname.slice(base.length) : null;
}

async function cacheFirst(request, file) {
  const cached = await caches.match(file, { cacheName: CACHE });
  return cached || fetch(request);
}

async function networkFirst(request, file) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(file, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(file, { cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const file = fileOf(url);
  if (file === null) return;
  if (HASHED.includes(file)) {
    event.respondWith(cacheFirst(request, file));
  } else if (file === '' || file === 'index.html') {
    event.respondWith(networkFirst(request, 'index.html'));
  } else if (FRESH.includes(file)) {
    event.respondWith(networkFirst(request, file));
  }
});
