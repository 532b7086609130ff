// The console's only script (no inline script: the Content-Security-Policy forbids it).
// Progressive enhancement: every page works without it.
(function () {
  'use strict';

  // The dashboard's time zone: the browser's, until the user chooses one (the server keeps the
  // choice in the cookie tz).
  function adoptBrowserZone() {
    var field = document.getElementById('tz');
    if (!field || document.cookie.split('; ').some(function (c) { return c.indexOf('tz=') === 0; })) {
      return;
    }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && field.value !== zone) {
      field.value = zone;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  // Copy buttons: <button data-copy="#field">
  function wireCopyButtons(root) {
    root.querySelectorAll('[data-copy]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var field = document.querySelector(button.getAttribute('data-copy'));
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = 'Copied';
        });
      });
    });
  }

  // A picture chosen for upload: previewed, and checked against the service's rules before upload.
  function wirePicturePreview(root) {
    root.querySelectorAll('input[type=file][data-preview]').forEach(function (input) {
      input.addEventListener('change', function () {
        var preview = document.querySelector(input.getAttribute('data-preview'));
        var problem = document.querySelector(input.getAttribute('data-problem'));
        var file = input.files[0];
        problem.textContent = '';
        input.removeAttribute('aria-invalid');
        if (!file) { preview.hidden = true; return; }
        var max = Number(input.getAttribute('data-max-bytes'));
        if (['image/png', 'image/jpeg'].indexOf(file.type) < 0) {
          problem.textContent = 'The picture must be a PNG or a JPEG.';
        } else if (file.size > max) {
          problem.textContent = 'The picture is ' + (file.size / 1048576).toFixed(1) + ' MB; at most 5 MB.';
        }
        if (problem.textContent) { input.setAttribute('aria-invalid', 'true'); }
        preview.src = URL.createObjectURL(file);
        preview.hidden = false;
      });
    });
  }

  function enhance(root) {
    wireCopyButtons(root);
    wirePicturePreview(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    adoptBrowserZone();
    enhance(document);
  });
  document.addEventListener('htmx:afterSwap', function (event) { enhance(event.target); });

  // The session ended while the page was open: a partial update cannot follow the identity
  // provider's sign-in page, so the server answers 499 and the page asked for (a search's results,
  // say) is loaded whole instead, which signs the user in again and comes back to it.
  document.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers['X-Requested-With'] = 'JavaScript';
  });
  document.addEventListener('htmx:responseError', function (event) {
    if (event.detail.xhr.status === 499) {
      var get = event.detail.requestConfig && event.detail.requestConfig.verb === 'get';
      window.location.assign(get ? event.detail.pathInfo.finalRequestPath : window.location.href);
    }
  });
})();
