/* A defect of PrimeFaces' select menu (p:selectOneMenu, 15.0): a click on an option first puts back the choice the
   menu had when it opened, which the menu remembers only once its opening animation has ended. An option clicked
   sooner (a quick hand, a slow machine) threw a TypeError and the click was lost. The menu now takes the choice it
   opened with as that memory when the animation has not yet given it. PrimeFaces' scripts load after this one, so
   the mend waits for the page. */
document.addEventListener('DOMContentLoaded', function () {
  var menu = window.PrimeFaces && PrimeFaces.widget && PrimeFaces.widget.SelectOneMenu;
  if (!menu) {
    return;
  }
  var revert = menu.prototype.revert;
  menu.prototype.revert = function () {
    if (!this.preShowValue) {
      this.preShowValue = this.options.filter(':selected');
    }
    return revert.apply(this, arguments);
  };
});

/* Two defects of PrimeFaces' file upload that WCAG's automated check refuses, mended where the pages load:
   - the advanced upload draws its choose button as a span with aria-labelledby but no role (the role was dropped
     because the file input sits inside it): a name on an element with no role to carry it. The span's own text
     names it already, so the attribute goes.
   - the skinned simple upload hides its file input from screen readers (aria-hidden) although that input is what
     takes the keyboard focus: a focused control nobody can hear. It is shown to them again, named by the upload's
     title (which says which material it is for) or else by the button's text.
   Run again after every ajax update, which may draw an upload anew. */
(function () {
  function mendFileUploads() {
    document.querySelectorAll('span.ui-fileupload-choose[aria-labelledby]').forEach(function (choose) {
      choose.removeAttribute('aria-labelledby');
    });
    document.querySelectorAll('.ui-fileupload-simple input[type=file][aria-hidden]').forEach(function (input) {
      input.removeAttribute('aria-hidden');
      if (!input.title && !input.hasAttribute('aria-label')) {
        var upload = input.closest('.ui-fileupload-simple');
        var text = upload.querySelector('.ui-button-text');
        var name = upload.title || (text ? text.textContent.trim() : '');
        if (name) {
          input.setAttribute('aria-label', name);
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    mendFileUploads();
    if (window.jQuery) {
      window.jQuery(document).on('pfAjaxComplete', mendFileUploads);
    }
  });
})();
