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
  // Enter in a field of a two-field lookup (the case number) goes on to the other field while that is still
  // empty, instead of sending half the lookup.
  document.querySelectorAll('input[data-enter-moves-to]').forEach(function (input) {
    input.addEventListener('keydown', function (event) {
      var next = document.getElementById(input.getAttribute('data-enter-moves-to'));
      if (event.key === 'Enter' && !event.isComposing && next && next.value.trim() === '') {
        event.preventDefault();
        next.focus();
      }
    });
  });
  // More filters stay folded on a phone unless one of them is in use.
  document.querySelectorAll('details[data-open-when-wide]').forEach(function (details) {
    if (details.getAttribute('data-open-when-wide') === 'always' || window.matchMedia('(min-width: 641px)').matches) {
      details.open = true;
    }
  });
});

/* 大字版 (large text, the 适老化 rules for elderly citizens): the toggle in the public bar scales the page's root font
   size, and every size of the public pages is in rem, so all the text grows. The choice is kept in this browser only
   (localStorage): it is no one's business on the server. This file loads in the head, so a remembered choice applies
   before the page is drawn, without a flash of small text. The toggle is hidden until this script shows it: without
   script there is no button that does nothing. */
(function () {
  var KEY = 'onewindow.largeText';
  var LARGE = 'owp-large';
  var root = document.documentElement;

  function remembered() {
    try {
      return window.localStorage.getItem(KEY) === '1';
    } catch (blocked) {
      return false;
    }
  }

  function remember(large) {
    try {
      if (large) {
        window.localStorage.setItem(KEY, '1');
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (blocked) {
      // Storage refused (private mode): the choice holds for this page only.
    }
  }

  function apply(large, toggle) {
    root.classList.toggle(LARGE, large);
    if (toggle) {
      toggle.setAttribute('aria-pressed', large ? 'true' : 'false');
    }
  }

  apply(remembered(), null);

  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.getElementById('large-text');
    if (!toggle) {
      return;
    }
    apply(remembered(), toggle);
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var large = !root.classList.contains(LARGE);
      apply(large, toggle);
      remember(large);
    });
  });
})();
