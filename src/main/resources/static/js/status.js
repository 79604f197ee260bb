// Keeps an open status page current: asks for the small summary every 30 seconds and reloads the page when the
// overall status or anything on it changed. No inline script: the page's CSP allows only files of its own origin.
(function () {
  "use strict";
  var last = null;
  function check() {
    if (document.hidden) return;
    fetch("/status/summary.json", { credentials: "omit", cache: "no-cache" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (summary) {
        if (!summary) return;
        var seen = summary.page.updated_at + "|" + summary.status.indicator + "|" + summary.incidents.length;
        if (last !== null && seen !== last) window.location.reload();
        last = seen;
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }
  check();
  setInterval(check, 30000);
})();
