/*
 * WeBrana Cloud customer pages. Period switches: a container with data-period-switch holds links
 * .period-option[data-period]; clicking one sets the container's data-period (the CSS then shows that period's prices)
 * without a reload. Without scripts the links still work (?period=...).
 */
(function () {
  document.addEventListener('click', function (event) {
    var option = event.target.closest ? event.target.closest('.period-option[data-period]') : null;
    if (!option) { return; }
    var box = option.closest('[data-period-switch]');
    if (!box) { return; }
    event.preventDefault();
    var period = option.getAttribute('data-period');
    box.setAttribute('data-period', period);
    var options = box.querySelectorAll('.period-option[data-period]');
    for (var i = 0; i < options.length; i++) {
      var on = options[i].getAttribute('data-period') === period;
      options[i].classList.toggle('active', on);
      options[i].setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  });
})();
