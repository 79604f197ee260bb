// The triage desk from the keyboard, kept live: rows are re-read when any node announces a change.
(function () {
  'use strict';
  var desk = document.querySelector('section.desk');
  if (!desk) return;
  var me = desk.getAttribute('data-me');
  var selectedId = null;
  var bulk = new Set();
  var picker = { el: document.getElementById('picker'), kind: null, onChoose: null };
  var heartbeat = null;
  var readOnly = !!document.getElementById('desk-read-only');
  var READ_ONLY = "Read-only agents can't change tickets; ask an admin for the agent role.";
  // while a claim is on its way the picker is not open yet: keys typed meanwhile wait here, then run in order
  var claiming = false;
  var held = [];

  function csrf() {
    var h = document.querySelector('meta[name=csrf-header]'), t = document.querySelector('meta[name=csrf-token]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'fetch' };
    if (h && t) headers[h.content] = t.content;
    return headers;
  }

  function post(url, params) {
    return fetch(url, { method: 'POST', headers: csrf(), credentials: 'same-origin', body: new URLSearchParams(params || {}).toString() })
      .then(function (r) { return r.text().then(function (text) { return { ok: r.ok, status: r.status, text: text }; }); });
  }

  function say(text, bad) {
    var s = document.getElementById('desk-status');
    s.textContent = text;
    s.className = 'flash ' + (bad ? 'error' : 'ok');
    s.hidden = !text;
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#desk-rows tr[data-id]')); }
  function current() { return rows().find(function (r) { return r.getAttribute('data-id') === selectedId; }); }

  function select(row) {
    rows().forEach(function (r) { r.classList.remove('selected'); r.removeAttribute('aria-selected'); });
    if (!row) { selectedId = null; return; }
    row.classList.add('selected');
    row.setAttribute('aria-selected', 'true');
    row.scrollIntoView({ block: 'nearest' });
    var changed = selectedId !== row.getAttribute('data-id');
    selectedId = row.getAttribute('data-id');
    if (changed) beat();
  }

  // the row in front of a triager shows as "open" to the others
  function beat() {
    if (heartbeat) clearInterval(heartbeat);
    if (!selectedId) return;
    var id = selectedId;
    post('/triage/presence', { ticketId: id });
    heartbeat = setInterval(function () { if (selectedId === id) post('/triage/presence', { ticketId: id }); }, 15000);
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var i = all.indexOf(current());
    select(all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step))]);
  }

  /** The tickets an action applies to: the bulk selection, else the current row. */
  function targets() {
    if (bulk.size) return Array.from(bulk);
    return selectedId ? [selectedId] : [];
  }

  function numbers(ids) {
    return ids.map(function (id) {
      var r = document.querySelector('#desk-rows tr[data-id="' + id + '"]');
      return r ? '#' + r.getAttribute('data-number') : id;
    }).join(', ');
  }

  function refused(r) {
    return r.status === 403 ? READ_ONLY : (r.text && r.text.charAt(0) !== '<' ? r.text : 'Refused (' + r.status + ').');
  }

  function act(url, params, done, leavesDesk) {
    if (readOnly) { say(READ_ONLY, true); return; }
    var ids = targets();
    if (!ids.length) { say('Pick a row first (j/k).', true); return; }
    params.ids = ids.join(',');
    post(url, params).then(function (r) {
      if (r.status === 204) {
        say(done + ' ' + numbers(ids) + '.', false);
        ids.forEach(function (id) { bulk.delete(id); });
        if (leavesDesk) advance(ids);
      } else {
        say(refused(r), true);
      }
      refresh();
    });
  }

  // after an assignment, the next row is the one to look at
  function advance(ids) {
    if (ids.indexOf(selectedId) < 0) return;
    var all = rows(), i = all.indexOf(current());
    var next = all.slice(i + 1).concat(all.slice(0, i)).find(function (r) { return ids.indexOf(r.getAttribute('data-id')) < 0; });
    selectedId = next ? next.getAttribute('data-id') : null;
  }

  function claimThen(then) {
    if (readOnly) { say(READ_ONLY, true); return; }
    var ids = targets();
    if (!ids.length) { say('Pick a row first (j/k).', true); return; }
    if (ids.length > 1) { then(); return; }
    claiming = true;
    post('/triage/tickets/' + ids[0] + '/claim').then(function (r) {
      claiming = false;
      if (r.ok) { then(); replay(); } else { dropHeld(); say(refused(r), true); }
      refresh();
    }, function () {
      claiming = false;
      dropHeld();
      say('Firstline could not be reached; try again.', true);
    });
  }

  // keys meant for a picker that never opened must not land on the desk (a "2" would set a priority)
  function dropHeld() { held = []; }

  function replay() {
    while (held.length && !claiming) handle(held.shift(), null);
  }

  function openPicker(kind, title, items, onChoose) {
    picker.kind = kind;
    picker.onChoose = onChoose;
    document.getElementById('picker-title').textContent = title;
    var list = document.getElementById('picker-options');
    list.innerHTML = '';
    items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.setAttribute('data-id', item.id);
      li.textContent = (i < 9 ? (i + 1) + '  ' : '   ') + item.name;
      li.addEventListener('click', function () { choose(item.id); });
      list.appendChild(li);
    });
    picker.el.hidden = false;
    var filter = document.getElementById('picker-filter');
    filter.value = '';
    highlight(0);
    filter.focus();
  }

  function visibleOptions() {
    return Array.prototype.slice.call(document.querySelectorAll('#picker-options li')).filter(function (li) { return !li.hidden; });
  }

  function highlight(i) {
    var opts = visibleOptions();
    opts.forEach(function (li) { li.classList.remove('active'); li.removeAttribute('aria-selected'); });
    if (opts[i]) { opts[i].classList.add('active'); opts[i].setAttribute('aria-selected', 'true'); }
  }

  function closePicker() {
    picker.el.hidden = true;
    picker.kind = null;
  }

  function choose(id) {
    var then = picker.onChoose;
    closePicker();
    if (then) then(id);
  }

  function options(listId) {
    return Array.prototype.slice.call(document.querySelectorAll('#' + listId + ' li')).map(function (li) {
      return { id: li.getAttribute('data-id'), name: li.textContent, teams: (li.getAttribute('data-teams') || '').split(',') };
    });
  }

  function teamPicker() {
    claimThen(function () {
      var teams = options('team-options');
      var row = current(), suggested = row && row.getAttribute('data-team');
      teams.sort(function (a, b) { return (b.id === suggested) - (a.id === suggested); });
      openPicker('team', 'Team for ' + numbers(targets()), teams, function (id) { act('/triage/assign', { teamId: id }, 'Assigned', true); });
    });
  }

  function personPicker() {
    claimThen(function () {
      var row = current(), suggested = row && row.getAttribute('data-team');
      var people = options('agent-options');
      people.sort(function (a, b) { return (b.teams.indexOf(suggested) >= 0) - (a.teams.indexOf(suggested) >= 0); });
      openPicker('person', 'Person for ' + numbers(targets()), people, function (id) { act('/triage/assign', { ownerId: id }, 'Assigned', true); });
    });
  }

  var refreshing = null, lastRefresh = 0;
  function refresh() {
    if (refreshing) return;
    var wait = Math.max(0, lastRefresh + 250 - Date.now());
    refreshing = setTimeout(function () {
      refreshing = null;
      lastRefresh = Date.now();
      fetch('/triage/rows?sort=' + desk.getAttribute('data-sort'), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var tbody = document.getElementById('desk-rows');
          var holder = document.createElement('table');
          holder.innerHTML = html;
          var fresh = holder.querySelector('tbody');
          if (!fresh) return;
          tbody.replaceWith(fresh);
          rows().forEach(function (r) {
            var id = r.getAttribute('data-id');
            if (bulk.has(id)) { r.classList.add('bulk-selected'); r.querySelector('input.bulk').checked = true; }
          });
          var still = current();
          if (still) select(still); else if (selectedId) { selectedId = null; move(0); }
        });
      fetch('/triage/session', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : ''; }).then(function (html) {
        if (!html) return;
        var box = document.getElementById('desk-session');
        var holder = document.createElement('div');
        holder.innerHTML = html;
        if (holder.firstElementChild) box.replaceWith(holder.firstElementChild);
        tick();
      });
    }, wait);
  }

  function tick() {
    var t = document.querySelector('#desk-session .timer');
    if (!t) return;
    var left = Math.round((Date.parse(t.getAttribute('data-ends')) - Date.now()) / 1000);
    var sign = left < 0 ? '-' : '';
    left = Math.abs(left);
    t.textContent = sign + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    t.classList.toggle('over', sign === '-');
  }
  setInterval(tick, 1000);
  tick();

  if (window.EventSource) {
    var source = new EventSource('/live');
    source.addEventListener('change', refresh);
    source.onopen = function () { desk.setAttribute('data-live', 'connected'); };
  }

  // what a key does; target is null for a key replayed after a claim. Answers whether the key was used.
  function handle(key, target) {
    if (!picker.el.hidden) {
      var filter = document.getElementById('picker-filter');
      var opts = visibleOptions(), active = opts.findIndex(function (li) { return li.classList.contains('active'); });
      if (key === 'Escape') closePicker();
      else if (key === 'Enter') { if (opts[active]) choose(opts[active].getAttribute('data-id')); }
      else if (key === 'ArrowDown') highlight(Math.min(opts.length - 1, active + 1));
      else if (key === 'ArrowUp') highlight(Math.max(0, active - 1));
      else if (/^[1-9]$/.test(key) && filter.value === '') {
        var all = Array.prototype.slice.call(document.querySelectorAll('#picker-options li'));
        if (all[+key - 1]) choose(all[+key - 1].getAttribute('data-id'));
      } else if (target === null && key === 'Backspace') {
        filter.value = filter.value.slice(0, -1);
        filter.dispatchEvent(new Event('input'));
      } else if (target === null && key.length === 1) {
        // typed before the picker was there: into its filter, as if typed now
        filter.value += key;
        filter.dispatchEvent(new Event('input'));
      } else return false;
      return true;
    }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && !target.classList.contains('bulk')) return false;
    switch (key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 't': teamPicker(); break;
      case 'p': personPicker(); break;
      case 'a': act('/triage/assign', { ownerId: me }, 'Assigned to you:', true); break;
      case '1': act('/triage/priority', { priority: 'CRITICAL' }, 'Critical:'); break;
      case '2': act('/triage/priority', { priority: 'HIGH' }, 'High:'); break;
      case '3': act('/triage/priority', { priority: 'NORMAL' }, 'Normal:'); break;
      case '4': act('/triage/priority', { priority: 'LOW' }, 'Low:'); break;
      case 'i': incidentDialog(); break;
      case 'x': toggleBulk(current()); break;
      case 'o': case 'Enter': { var r = current(); if (r) window.location.href = r.getAttribute('data-href'); else return false; break; }
      default: return false;
    }
    return true;
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (claiming) {
      if (e.key.length === 1 || /^(Enter|Escape|ArrowUp|ArrowDown|Backspace)$/.test(e.key)) {
        held.push(e.key);
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      return;
    }
    var pickerOpen = !picker.el.hidden;
    if (handle(e.key, e.target)) e.preventDefault();
    else if (!pickerOpen) return;
    // in the picker every key stays there: what it did not use types into its filter
    e.stopImmediatePropagation();
  }, true);

  // declare or join an incident for the selected tickets; the incident pages take it from there
  function incidentDialog() {
    if (readOnly) { say(READ_ONLY, true); return; }
    var ids = targets();
    if (!ids.length) { say('Pick a row first (j/k).', true); return; }
    var box = document.getElementById('incident-dialog');
    fetch('/incidents/picker?ticketIds=' + encodeURIComponent(ids.join(',')), { credentials: 'same-origin' })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
      .then(function (r) {
        if (!r.ok) { say('Incidents could not be read; try again.', true); return; }
        box.innerHTML = r.text;
        box.hidden = false;
        box.onkeydown = function (e) { if (e.key === 'Escape') { box.hidden = true; e.stopPropagation(); } };
        var close = document.getElementById('incident-dialog-close');
        if (close) close.addEventListener('click', function () { box.hidden = true; });
        var title = document.getElementById('incident-dialog-new');
        if (title) title.focus();
      });
  }

  function toggleBulk(row) {
    if (!row) return;
    var id = row.getAttribute('data-id');
    if (bulk.has(id)) bulk.delete(id); else bulk.add(id);
    row.classList.toggle('bulk-selected', bulk.has(id));
    row.querySelector('input.bulk').checked = bulk.has(id);
    say(bulk.size ? bulk.size + ' selected: keys now act on all of them.' : '', false);
  }

  document.getElementById('picker-filter').addEventListener('input', function (e) {
    var q = e.target.value.toLowerCase();
    document.querySelectorAll('#picker-options li').forEach(function (li) { li.hidden = li.textContent.toLowerCase().indexOf(q) < 0; });
    highlight(0);
  });

  desk.addEventListener('change', function (e) {
    if (e.target.classList.contains('bulk')) toggleBulk(e.target.closest('tr'));
  });
  desk.addEventListener('click', function (e) {
    var row = e.target.closest('#desk-rows tr[data-id]');
    if (row && !e.target.closest('a, input, select, button, form')) { select(row); e.stopPropagation(); }
  }, true);

  window.addEventListener('pagehide', function () {
    if (selectedId) fetch('/triage/absence', { method: 'POST', headers: csrf(), keepalive: true,
      credentials: 'same-origin', body: 'ticketId=' + selectedId });
  });

  move(0);
})();
