/* PrimeFaces' file upload draws its choose button as a span with aria-labelledby but no role (the role was dropped
   because the file input sits inside it), which WCAG's automated check refuses: an accessible name on an element that
   has no role to carry it. The span's own text names it already, so the attribute goes. Run again after every ajax
   update, which may draw the upload anew. */
(function () {
  function fixFileUploads() {
    document.querySelectorAll('span.ui-fileupload-choose[aria-labelledby]').forEach(function (choose) {
      choose.removeAttribute('aria-labelledby');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    fixFileUploads();
    if (window.jQuery) {
      window.jQuery(document).on('pfAjaxComplete', fixFileUploads);
    }
  });
})();
