// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.documentElement.className += ' js';

  // GOV.UK pattern: move focus to the error summary so screen readers announce it first.
  var summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();

  // Live regions: fetch the server-rendered fragment every few seconds and swap it in. Once the
  // fragment says it is final (the import or campaign finished), reload for the full page.
  var regions = document.querySelectorAll('[data-poll]');
  Array.prototype.forEach.call(regions, function (region) {
    var src = region.getAttribute('data-poll');
    var inner = region.querySelector('[data-fragment]');
    function poll() {
      fetch(src, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (res) {
          if (res.redirected || !res.ok) throw new Error('status ' + res.status);
          return res.text();
        })
        .then(function (html) {
          var box = document.createElement('div');
          box.innerHTML = html;
          var fresh = box.querySelector('[data-fragment]');
          if (!fresh) return schedule(5000);
          if (fresh.hasAttribute('data-final') && inner && !inner.hasAttribute('data-final')) {
            // A page that answered a form post (an error shown on it) must not post again: go to its GET page.
            var page = region.getAttribute('data-reload');
            if (page && page !== window.location.pathname) window.location.assign(page);
            else window.location.reload();
            return;
          }
          if (inner) inner.replaceWith(fresh);
          inner = fresh;
          if (!fresh.hasAttribute('data-final')) schedule(2000);
        })
        .catch(function () {
          schedule(5000);
        });
    }
    function schedule(ms) {
      window.setTimeout(poll, ms);
    }
    if (inner && !inner.hasAttribute('data-final')) schedule(2000);
  });
})();
