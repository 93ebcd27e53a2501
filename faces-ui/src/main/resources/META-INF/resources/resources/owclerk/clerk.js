/* The front window types all day: Enter moves to the next field in the intake forms, arrow keys move through the
   items found, and after an action the focus lands where the clerk goes next (the print link, the first answer of
   the application form refused, or the first error). */
var OW = window.OW || (function () {
  function visible(element) {
    return !!(element.offsetWidth || element.offsetHeight || element.getClientRects().length);
  }

  function focus(id) {
    var element = document.getElementById(id);
    if (element) {
      element.focus();
      if (element.select && element.tagName === 'INPUT') {
        element.select();
      }
    }
    return element;
  }

  function focusFirst(selector, fallbackId) {
    var first = document.querySelector(selector);
    if (first) {
      first.focus();
    } else if (fallbackId) {
      focus(fallbackId);
    }
  }

  /* After accept, correction or refusal: the print link when the outcome shows, else the first field in error. */
  function afterAction(printId) {
    if (focus(printId)) {
      return;
    }
    /* An answer of the application form refused: its field, where the message stands beside it. */
    var refused = document.querySelector('.ow-field-refused input:not([type=hidden]), .ow-field-refused textarea');
    if (refused) {
      refused.scrollIntoView({block: 'center'});
      refused.focus();
      return;
    }
    var invalid = document.querySelector('input.ui-state-error, select.ui-state-error, .ui-message-error, .ui-messages-error');
    if (invalid) {
      invalid.scrollIntoView({block: 'center'});
      var field = invalid.matches('input, select') ? invalid : null;
      if (!field) {
        var row = invalid.closest('div, section');
        field = row ? row.querySelector('input:not([type=hidden]), select') : null;
      }
      if (field) {
        field.focus();
      }
    }
  }

  /* A stop of Enter is what Tab would reach: a widget's own focus element (a PrimeFaces select menu takes the keys
     on its label, role "combobox"), never the native select it keeps hidden for the form (inside
     .ui-helper-hidden-accessible), where the focus would vanish and the next Enter do nothing. */
  function reachable(element) {
    return element.tabIndex >= 0 && !element.disabled
        && !element.closest('.ui-selectonemenu .ui-helper-hidden-accessible') && visible(element);
  }

  function isField(element) {
    return (/^(INPUT|SELECT)$/.test(element.tagName) && !/^(submit|button|checkbox|file)$/.test(element.type))
        || element.getAttribute('role') === 'combobox';
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var form = target.closest && target.closest('form');
    /* An open select menu handles Enter itself (it chooses the highlighted option and stops the key there). */
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.shiftKey && form
        && form.classList.contains('ow-enter-next') && isField(target)) {
      event.preventDefault();
      /* A table row's remove button is never the next stop: a second Enter on it would delete the row just
         typed. After a row's last cell Enter goes on to the next row, or to "add a row". */
      var fields = Array.prototype.filter.call(
          form.querySelectorAll(
              'input:not([type=hidden]), select, textarea, button:not(.ow-remove-row), [tabindex]:not(.ow-remove-row)'),
          reachable);
      var at = fields.indexOf(target);
      if (at >= 0 && at + 1 < fields.length) {
        fields[at + 1].focus();
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      var picks = Array.prototype.slice.call(document.querySelectorAll('[data-ow-list] .ow-pick'));
      if (picks.length === 0) {
        return;
      }
      var index = picks.indexOf(target);
      if (index < 0 && target.id === 'find:q' && event.key === 'ArrowDown') {
        event.preventDefault();
        picks[0].focus();
      } else if (index >= 0) {
        event.preventDefault();
        var next = index + (event.key === 'ArrowDown' ? 1 : -1);
        if (next < 0) {
          focus('find:q');
        } else if (next < picks.length) {
          picks[next].focus();
        }
      }
    }
  });

  return {focus: focus, focusFirst: focusFirst, afterAction: afterAction};
})();
window.OW = OW;
