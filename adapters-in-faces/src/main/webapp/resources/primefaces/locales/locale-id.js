/*
 * PrimeFaces asks for locales/locale-id.js on Indonesian pages (Java's modern code "id"), but ships Bahasa Indonesia
 * as locale-in.js (the old code "in"), which the page template loads. This file, served in place of the missing one,
 * makes "id" read the "in" texts (whichever of the two scripts runs first).
 */
if (window.PrimeFaces) {
  PrimeFaces.locales = PrimeFaces.locales || {};
  Object.defineProperty(PrimeFaces.locales, 'id', {
    configurable: true,
    enumerable: true,
    get: function () { return PrimeFaces.locales['in']; }
  });
}
