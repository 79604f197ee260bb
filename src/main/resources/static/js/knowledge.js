// The article picker on the ticket page: a picked article goes into the reply as a Markdown link at the cursor, or
// becomes a self-service resolution's link. Everything else on the page works without this file.
(function () {
  'use strict';

  function markdownLink(title, url) {
    var text = title.replace(/([\\\[\]])/g, '\\$1');
    var target = url.replace(/[()\s]/g, function (c) { return encodeURIComponent(c); });
    return '[' + text + '](' + target + ')';
  }

  function insertIntoReply(link) {
    var area = document.getElementById('reply-body');
    if (!area) return;
    var start = area.selectionStart == null ? area.value.length : area.selectionStart;
    var end = area.selectionEnd == null ? start : area.selectionEnd;
    area.value = area.value.slice(0, start) + link + area.value.slice(end);
    var caret = start + link.length;
    area.focus();
    area.setSelectionRange(caret, caret);
  }

  function resolveWith(url) {
    var link = document.getElementById('resolution-link');
    if (link) link.value = url;
    var resolution = document.getElementById('resolution');
    if (resolution) resolution.value = 'SELF_SERVICE';
  }

  document.addEventListener('click', function (e) {
    var pick = e.target.closest && e.target.closest('[data-kb-pick]');
    if (!pick) return;
    e.preventDefault();
    var url = pick.getAttribute('data-kb-url');
    if (pick.getAttribute('data-kb-target') === 'resolution') {
      resolveWith(url);
    } else {
      insertIntoReply(markdownLink(pick.getAttribute('data-kb-title'), url));
    }
    var details = pick.closest('details');
    if (details) details.open = false;
  });
})();
