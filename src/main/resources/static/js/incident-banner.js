// The incident banner of the public ticket form and the customer portal: read on load, whenever the status changes on
// any node (the stream only says "changed"), and once a minute. Titles and statuses are text; an update's HTML was
// sanitized on the server by the one Markdown renderer.
window.followIncidents = function (banner, url) {
  'use strict';
  if (!banner) return;
  var list = banner.querySelector('.incidents');
  function show(data) {
    list.textContent = '';
    (data.incidents || []).forEach(function (i) {
      var box = document.createElement('div');
      box.className = 'incident';
      var title = document.createElement('strong');
      title.textContent = i.title;
      var status = document.createElement('span');
      status.className = 'incident-status';
      status.textContent = i.status;
      box.appendChild(title);
      box.appendChild(status);
      if (i.updateHtml) {
        var update = document.createElement('div');
        update.className = 'update';
        // sanitized on the server by the one Markdown renderer; the title and status above are text only
        update.innerHTML = i.updateHtml;
        box.appendChild(update);
      }
      list.appendChild(box);
    });
    banner.hidden = !(data.incidents && data.incidents.length);
  }
  var readAt = null;
  function refresh(triesLeft) {
    var before = readAt;
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        readAt = data.readAt;
        show(data);
        // the change may be announced a moment before this node has read it: ask again until the reading is new
        if (triesLeft > 0 && data.readAt === before) setTimeout(function () { refresh(triesLeft - 1); }, 100);
      })
      .catch(function () { /* the banner is a help, never in the way */ });
  }
  refresh(0);
  if (window.EventSource) {
    var live = new EventSource('/request/live');
    live.addEventListener('change', function () { refresh(8); });
  }
  setInterval(function () { refresh(0); }, 60000);
};
