// Firstline's support widget. One line on any page:
//   <script src="https://<firstline>/widget.js" data-firstline async></script>
// adds a "Contact support" button that opens the support form in a frame. It injects no inline <style> or <script>:
// styles are set through the CSSOM, which a strict Content-Security-Policy allows, so the host page only needs to
// allow this origin in script-src and frame-src.
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-firstline]');
  if (!script || window.__firstlineWidget) return;
  window.__firstlineWidget = true;
  var origin = new URL(script.src, location.href).origin;
  var label = script.getAttribute('data-label') || 'Contact support';

  function style(element, properties) {
    Object.keys(properties).forEach(function (name) { element.style.setProperty(name, properties[name]); });
  }

  function start() {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('data-firstline-button', '');
    style(button, {
      position: 'fixed', right: '16px', bottom: '16px', 'z-index': '2147483000', padding: '10px 16px',
      border: '0', 'border-radius': '999px', background: '#1d4ed8', color: '#fff', cursor: 'pointer',
      font: '600 15px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'box-shadow': '0 4px 14px rgba(0,0,0,.2)'
    });
    var frame = null;
    button.addEventListener('click', function () {
      if (!frame) {
        frame = document.createElement('iframe');
        frame.src = origin + '/request?embed=1';
        frame.title = label;
        frame.setAttribute('data-firstline-frame', '');
        style(frame, {
          position: 'fixed', right: '16px', bottom: '68px', 'z-index': '2147483000',
          width: 'min(420px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 96px))',
          border: '1px solid #d1d5db', 'border-radius': '10px', background: '#fff',
          'box-shadow': '0 8px 30px rgba(0,0,0,.25)'
        });
        document.body.appendChild(frame);
        button.setAttribute('aria-expanded', 'true');
        return;
      }
      var open = frame.style.getPropertyValue('display') !== 'none';
      frame.style.setProperty('display', open ? 'none' : 'block');
      button.setAttribute('aria-expanded', open ? 'false' : 'true');
    });
    document.body.appendChild(button);
  }

  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
