/*
 * WeBrana Cloud web app. Countdowns: any element with data-expires (epoch milliseconds) shows the time left as
 * H:MM:SS (or "Nd HH:MM:SS"), or its data-expired-text once past; re-scanned every second, so elements that an
 * Ajax update put on the page count down too.
 */
(function () {
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now();
    var els = document.querySelectorAll('[data-expires]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var left = parseInt(el.getAttribute('data-expires'), 10) - now;
      if (isNaN(left)) { continue; }
      if (left <= 0) { el.textContent = el.getAttribute('data-expired-text') || '0:00:00'; continue; }
      var s = Math.floor(left / 1000);
      var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
      el.textContent = (d > 0 ? d + 'd ' + pad(h) : h) + ':' + pad(m) + ':' + pad(s % 60);
    }
  }
  setInterval(tick, 1000);
  if (window.jQuery) { window.jQuery(document).on('pfAjaxComplete', tick); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', tick); } else { tick(); }
})();

/*
 * Copy buttons: webranaCopy(inputId, button) copies the input's text to the clipboard (falling back to selecting it,
 * for browsers that refuse the clipboard API) and marks the button as done.
 */
function webranaCopy(inputId, button) {
  var input = document.getElementById(inputId);
  if (!input) { return; }
  input.focus();
  input.select();
  var done = function () { if (button) { button.classList.add('copied'); } };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
  } else {
    try { document.execCommand('copy'); } catch (e) { /* the text stays selected for Ctrl+C */ }
    done();
  }
}
