// On a ticket page: tell others this agent has it open (or is writing), and show who else has, live.
(function () {
  'use strict';
  var panel = document.getElementById('triage-panel');
  if (!panel) return;
  var ticket = panel.getAttribute('data-ticket-id');
  var reply = document.getElementById('reply-body');

  function headers() {
    var h = document.querySelector('meta[name=csrf-header]'), t = document.querySelector('meta[name=csrf-token]');
    var out = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (h && t) out[h.content] = t.content;
    return out;
  }

  function writing() { return !!(reply && (reply.value.trim() !== '' || document.activeElement === reply)); }

  var lastState = null;
  // read-only agents look without being announced: they cannot reply, and announcing is a write they may not make
  var mayWrite = !!document.getElementById('may-write');
  function beat(force) {
    if (!mayWrite) return;
    var state = writing();
    if (!force && state === lastState) return;
    lastState = state;
    fetch('/triage/presence', { method: 'POST', headers: headers(), credentials: 'same-origin',
      body: 'ticketId=' + ticket + '&replying=' + state });
  }
  beat(true);
  setInterval(function () { beat(true); }, 15000);
  if (reply) {
    reply.addEventListener('focus', function () { beat(false); });
    reply.addEventListener('blur', function () { beat(false); });
  }

  function reloadPresence() {
    fetch('/triage/tickets/' + ticket + '/presence', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) {
        var box = document.getElementById('presence');
        if (!html || !box) return;
        var holder = document.createElement('div');
        holder.innerHTML = html;
        if (holder.firstElementChild) box.replaceWith(holder.firstElementChild);
      });
  }

  if (window.EventSource) {
    var source = new EventSource('/live?ticket=' + ticket);
    source.addEventListener('change', function (e) {
      var kind = e.data.split(':')[0];
      if (kind === 'presence') reloadPresence();
      if (kind === 'sla') document.body.dispatchEvent(new CustomEvent('sla-refresh'));
      if (kind === 'message') {
        var warn = document.getElementById('new-message');
        if (warn && !sending) warn.hidden = false;
      }
    });
  }

  var sending = false;
  document.addEventListener('submit', function (e) { if (e.target.getAttribute('aria-label') === 'Reply') sending = true; });

  window.addEventListener('pagehide', function () {
    fetch('/triage/absence', { method: 'POST', headers: headers(), keepalive: true, credentials: 'same-origin', body: 'ticketId=' + ticket });
  });
})();
