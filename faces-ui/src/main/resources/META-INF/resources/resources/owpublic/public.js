/* 大字版 (large text, the 适老化 rules for elderly citizens): the toggle in the public bar scales the page's root font
   size, and every size of the public pages is in rem, so all the text grows. The choice is kept in this browser only
   (localStorage): it is no one's business on the server. Loaded in the head, so a remembered choice applies before the
   page is drawn, without a flash of small text. The toggle is hidden until this script shows it: without script
   there is no button that does nothing. */
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
      /* Storage refused (private mode): the choice holds for this page only. */
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
