/*
 * The analytics page's rupiah charts: webranaRupiahChart is a p:chart extender (called with the widget as this,
 * before Chart.js draws) that writes the y axis and the tooltips as "Rp 1.500.000".
 */
function webranaRupiah(value) {
  var n = Math.round(Number(value) || 0);
  return (n < 0 ? '-Rp ' : 'Rp ') + Math.abs(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function webranaRupiahChart() {
  var options = this.cfg.config.options = this.cfg.config.options || {};
  options.scales = options.scales || {};
  options.scales.y = options.scales.y || {};
  options.scales.y.ticks = options.scales.y.ticks || {};
  options.scales.y.ticks.callback = function (value) { return webranaRupiah(value); };
  options.plugins = options.plugins || {};
  options.plugins.tooltip = options.plugins.tooltip || {};
  options.plugins.tooltip.callbacks = {
    label: function (context) { return webranaRupiah(context.parsed.y); }
  };
}
