/*
 * What the public pages do in the browser, attached here rather than written into the pages: they are served
 * under a strict script policy (script-src 'self' and a nonce), so an inline handler would not run.
 * Every page still works without script; this only saves a click.
 */
document.addEventListener('DOMContentLoaded', function () {
  // A place chosen from a list searches at once; a higher level chosen clears the levels below it.
  document.querySelectorAll('select[data-submit-clearing]').forEach(function (select) {
    select.addEventListener('change', function () {
      select.getAttribute('data-submit-clearing').split(' ').filter(Boolean).forEach(function (name) {
        select.form.elements[name].value = '';
      });
      // The form's own method, even if a control were ever named "submit".
      HTMLFormElement.prototype.submit.call(select.form);
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
  // More filters stay folded on a phone unless one of them is in use.
  document.querySelectorAll('details[data-open-when-wide]').forEach(function (details) {
    if (details.getAttribute('data-open-when-wide') === 'always' || window.matchMedia('(min-width: 641px)').matches) {
      details.open = true;
    }
  });
});
