// The public ticket form: keeps a draft in this browser, shows open incidents and suggestions while typing, sends
// the form in place so a refusal or an outage never loses what was typed, and counts how the view ended.
(function () {
  'use strict';
  var DRAFT = 'firstline.request.draft';
  var FIELDS = ['name', 'email', 'subject', 'description'];
  var OUTAGE = 'We cannot take requests just now. Please try again in a minute: what you typed is kept.';
  var form = document.getElementById('request-form');
  if (!form) return;
  var view = form.getAttribute('data-view');
  var message = document.getElementById('form-message');
  var submitted = false;

  function field(name) { return form.elements.namedItem(name); }

  // ---- draft: restored on load, saved on every change, cleared only after a successful send
  function saveDraft() {
    var draft = {};
    FIELDS.forEach(function (f) { draft[f] = field(f).value; });
    try { localStorage.setItem(DRAFT, JSON.stringify(draft)); } catch (e) { /* storage full or off: typing goes on */ }
  }
  try {
    var saved = JSON.parse(localStorage.getItem(DRAFT) || 'null');
    if (saved) FIELDS.forEach(function (f) { if (!field(f).value && typeof saved[f] === 'string') field(f).value = saved[f]; });
  } catch (e) { /* a broken draft is dropped */ }
  form.addEventListener('input', saveDraft);

  // ---- incident banner: read on load and whenever the status changes on any node (incident-banner.js)
  window.followIncidents(document.getElementById('banner'), '/request/banner?view=' + encodeURIComponent(view));

  // ---- suggestions, asked on a pause in typing
  var box = document.getElementById('suggestions');
  var list = box.querySelector('ul');
  var timer = null;
  var asked = '';
  function safeUrl(url) { return /^https?:\/\//i.test(url) ? url : null; }
  function showSuggestions(found) {
    list.textContent = '';
    found.forEach(function (s) {
      var url = safeUrl(s.url);
      if (!url) return;
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = s.title;
      link.setAttribute('data-rule', String(s.ruleId));
      link.addEventListener('click', function () {
        navigator.sendBeacon('/request/views/' + encodeURIComponent(view) + '/clicks/' + s.ruleId);
      });
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = s.kind === 'TOOL' ? 'tool' : 'article';
      item.appendChild(link);
      item.appendChild(kind);
      list.appendChild(item);
    });
    box.hidden = list.children.length === 0;
  }
  function askSuggestions() {
    var body = new URLSearchParams();
    body.set('view', view);
    body.set('text', field('description').value);
    body.set('subject', field('subject').value);
    body.set('email', field('email').value);
    var key = body.toString();
    if (key === asked) return;
    asked = key;
    fetch('/request/suggestions', { method: 'POST', body: body, headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && asked === key) showSuggestions(data.suggestions || []); })
      .catch(function () { /* suggestions are a help, never in the way */ });
  }
  ['description', 'subject', 'email'].forEach(function (f) {
    field(f).addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(askSuggestions, 250);
    });
  });
  if (field('description').value || field('subject').value) askSuggestions();

  // ---- sending, in place
  function say(text, ok) {
    message.textContent = text;
    message.className = ok ? 'flash ok' : 'flash error';
    message.hidden = !text;
  }
  function showProblems(problems) {
    FIELDS.forEach(function (f) {
      var p = document.getElementById(f + '-problem');
      p.textContent = problems[f] || '';
      if (problems[f]) field(f).setAttribute('aria-invalid', 'true'); else field(f).removeAttribute('aria-invalid');
    });
    var first = FIELDS.filter(function (f) { return problems[f]; })[0];
    if (first) field(first).focus();
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    saveDraft();
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    fetch('/request', {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'application/json', 'X-Firstline-Form': '1' }
    }).then(function (r) {
      var json = (r.headers.get('Content-Type') || '').indexOf('application/json') === 0;
      // the form's own answers are JSON with a message for the person; anything else (an outage page) is the outage
      if (!json) { say(OUTAGE, false); return; }
      return r.json().then(function (data) {
        if (data.sent) {
          submitted = true;
          try { localStorage.removeItem(DRAFT); } catch (e) { /* nothing to clear */ }
          form.hidden = true;
          say('', true);
          var sent = document.getElementById('sent');
          sent.textContent = data.message;
          sent.hidden = false;
          return;
        }
        showProblems(data.problems || {});
        say(data.message || OUTAGE, false);
      });
    }).catch(function () { say(OUTAGE, false); })
      .finally(function () { button.disabled = false; });
  });

  window.addEventListener('pagehide', function () {
    navigator.sendBeacon('/request/views/' + encodeURIComponent(view) + '/left');
  });
})();
