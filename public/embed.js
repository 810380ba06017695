/*
 * embed.js: puts the My Number Card guide into a city's page (docs/design.md §6.1).
 *
 *   <div data-myna-guide data-lang="ja"></div>
 *   <script src="https://guide.example.lg.jp/embed.js" defer></script>
 *
 * For each [data-myna-guide] it makes an <iframe> of the guide (the folder of this script), with a title in
 * the data-lang language (ja, en or ja-easy) and allow="usb" for the card reader. The guide tells the page its
 * height and, on each step, asks it to bring the frame's top into view; any other message, or one from
 * another origin or another window, is ignored. No dependencies, no cookies, no storage, no network of its own.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src || !window.URL) return;
  var guide = new URL('./', script.src); // the guide lives beside this script
  var TITLES = {
    ja: 'マイナンバーカードの手続きガイド',
    en: 'My Number Card guide',
    'ja-easy': 'マイナンバーカードの てつづき ガイド'
  };
  var MIN_HEIGHT = 320;
  var MAX_HEIGHT = 20000;
  var reducedMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
  var frames = [];

  function frameFor(container) {
    var lang = container.getAttribute('data-lang');
    if (!Object.prototype.hasOwnProperty.call(TITLES, lang)) lang = 'ja';
    var src = new URL(guide.href);
    src.search = '?lang=' + encodeURIComponent(lang) + '&host=' + encodeURIComponent(window.location.origin);
    var iframe = document.createElement('iframe');
    iframe.title = TITLES[lang];
    iframe.setAttribute('allow', 'usb');
    iframe.setAttribute('data-myna-guide-frame', '');
    // Styles through the CSSOM, which a host's CSP allows (no style attribute in markup).
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.minHeight = MIN_HEIGHT + 'px';
    iframe.style.height = MIN_HEIGHT * 2 + 'px'; // until the guide says how tall it is
    iframe.src = src.href;
    return iframe;
  }

  function onMessage(event) {
    if (event.origin !== guide.origin) return;
    var iframe = null;
    for (var i = 0; i < frames.length; i++) {
      if (event.source === frames[i].contentWindow) iframe = frames[i];
    }
    var data = event.data;
    if (!iframe || !data || typeof data !== 'object') return;
    if (data.type === 'myna-guide:height') {
      if (typeof data.height !== 'number' || !isFinite(data.height)) return;
      var height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
      iframe.style.height = height + 'px';
    } else if (data.type === 'myna-guide:top') {
      var smooth = !(reducedMotion && reducedMotion.matches);
      iframe.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    }
  }

  function start() {
    var containers = document.querySelectorAll('[data-myna-guide]');
    for (var i = 0; i < containers.length; i++) {
      if (containers[i].querySelector('iframe[data-myna-guide-frame]')) continue; // the script included twice
      var iframe = frameFor(containers[i]);
      frames.push(iframe);
      containers[i].appendChild(iframe);
    }
  }

  window.addEventListener('message', onMessage);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
