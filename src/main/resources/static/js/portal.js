// The portal's incident banner follows the status as it changes on any node (incident-banner.js).
window.followIncidents(document.getElementById('banner'), '/request/banner');
