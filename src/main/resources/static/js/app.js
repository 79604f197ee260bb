// Keyboard use and small conveniences. Everything works without this file; it only saves keystrokes.
(function () {
  'use strict';
  var pendingG = false;

  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('table.list tbody tr[data-href]')); }

  function select(index) {
    var all = rows();
    if (!all.length) return;
    index = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (r) { r.classList.remove('selected'); r.removeAttribute('aria-selected'); });
    all[index].classList.add('selected');
    all[index].setAttribute('aria-selected', 'true');
    all[index].scrollIntoView({ block: 'nearest' });
    var link = all[index].querySelector('a');
    if (link) link.focus({ preventScroll: true });
  }

  function selectedIndex() { return rows().findIndex(function (r) { return r.classList.contains('selected'); }); }

  function focus(selector) {
    var el = document.querySelector(selector);
    if (el) { el.focus(); return true; }
    return false;
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape' && typing(e)) { e.target.blur(); return; }
    if (typing(e)) return;
    if (pendingG) {
      pendingG = false;
      var go = { t: '/tickets', o: '/organizations', c: '/contacts', n: '/tickets/new', d: '/triage' }[e.key];
      if (go) { window.location.href = go; e.preventDefault(); }
      return;
    }
    switch (e.key) {
      case 'g': pendingG = true; setTimeout(function () { pendingG = false; }, 1200); break;
      case '/': if (focus('#search')) e.preventDefault(); break;
      case 'j': select(selectedIndex() + 1); e.preventDefault(); break;
      case 'k': select(selectedIndex() - 1); e.preventDefault(); break;
      case 'o': case 'Enter': {
        var r = rows()[selectedIndex()];
        if (r) { window.location.href = r.getAttribute('data-href'); e.preventDefault(); }
        break;
      }
      case 'r': if (choose('PUBLIC')) e.preventDefault(); break;
      case 'n': if (choose('NOTE')) e.preventDefault(); break;
      case '?': toggleHelp(); e.preventDefault(); break;
    }
  });

  function choose(kind) {
    var radio = document.querySelector('input[name=kind][value=' + kind + ']');
    if (!radio) return false;
    radio.checked = true;
    return focus('#reply-body');
  }

  function toggleHelp() {
    var help = document.getElementById('keyboard-help');
    if (help) help.hidden = !help.hidden;
  }

  function statusFields(select) {
    var pending = document.getElementById('pending-reason');
    if (pending) pending.closest('.field').hidden = select.value !== 'PENDING';
    var resolution = document.getElementById('resolution-fields');
    if (resolution) resolution.hidden = select.value !== 'RESOLVED';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var status = document.getElementById('status-select');
    if (status) statusFields(status);
  });

  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t.id === 'canned' && t.value) {
      fetch(t.value, { headers: { 'Accept': 'text/plain' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (text) {
          var area = document.getElementById('reply-body');
          var start = area.selectionStart || 0;
          area.value = area.value.slice(0, start) + text + area.value.slice(area.selectionEnd || start);
          area.focus();
          t.value = '';
        });
    }
    if (t.id === 'status-select') statusFields(t);
    if (t.id === 'team') ownersOf(t);
    if (t.hasAttribute && t.hasAttribute('data-autosubmit') && t.form) t.form.submit();
  });

  // The owner picker lists the chosen team's members only, so a team and an owner picked together always agree.
  function ownersOf(team, initial) {
    var owner = document.getElementById('owner');
    if (!owner) return;
    Array.prototype.forEach.call(owner.options, function (o) {
      if (!o.value) return;
      var member = !team.value || (o.getAttribute('data-teams') || '').split(',').indexOf(team.value) >= 0
          || (initial && o.selected); // the saved owner stays shown until someone changes the team
      o.hidden = !member;
      o.disabled = !member;
      if (!member && o.selected) owner.value = '';
    });
    var hint = document.getElementById('owner-hint');
    if (hint) hint.hidden = !team.value;
  }
  var teamPicker = document.getElementById('team');
  if (teamPicker && document.getElementById('owner')) ownersOf(teamPicker, true);

  document.addEventListener('click', function (e) {
    var row = e.target.closest && e.target.closest('table.list tbody tr[data-href]');
    if (row && e.target.tagName !== 'A' && e.target.tagName !== 'INPUT') window.location.href = row.getAttribute('data-href');
    if (e.target.matches && e.target.matches('[data-help-toggle]')) toggleHelp();
  });

  document.addEventListener('submit', function (e) {
    var confirmText = e.target.getAttribute('data-confirm');
    if (confirmText && !window.confirm(confirmText)) e.preventDefault();
  });
})();

// htmx requests carry the CSRF token like forms do.
document.addEventListener('htmx:configRequest', function (e) {
  var header = document.querySelector('meta[name=csrf-header]');
  var token = document.querySelector('meta[name=csrf-token]');
  if (header && token) e.detail.headers[header.content] = token.content;
});

// the sticky table headings sit right under the top bar, whose height depends on how many rows its links wrapped to
(function () {
  var bar = document.querySelector('header.top');
  if (!bar || !window.ResizeObserver) return;
  new ResizeObserver(function () {
    document.documentElement.style.setProperty('--top-bar', bar.offsetHeight + 'px');
  }).observe(bar);
})();
