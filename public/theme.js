/*
 * Light/dark theme. Loaded (blocking, tiny) in <head> of every page so the stored choice
 * applies before the first paint: no flash. Without a stored choice the page follows the
 * system (prefers-color-scheme in global.css). The header's toggle button is hidden
 * until this script wires it up, so it never shows where it cannot work.
 * Other scripts (diagrams) can listen for the `shiplog:theme` event on document.
 */
(function () {
  var KEY = 'shiplog-theme';
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'dark' || value === 'light' ? value : null;
    } catch (e) {
      return null;
    }
  }
  function current() {
    return root.getAttribute('data-theme') || (media && media.matches ? 'dark' : 'light');
  }

  var choice = stored();
  if (choice) root.setAttribute('data-theme', choice);

  function wire() {
    var buttons = document.querySelectorAll('[data-theme-toggle]');
    function sync() {
      for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(current() === 'dark'));
    }
    function toggle() {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        /* private mode: the choice lasts for this page only */
      }
      sync();
      document.dispatchEvent(new CustomEvent('shiplog:theme', { detail: { theme: next } }));
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', toggle);
    }
    sync();
    if (media && media.addEventListener) {
      media.addEventListener('change', function () {
        if (!root.getAttribute('data-theme')) {
          sync();
          document.dispatchEvent(new CustomEvent('shiplog:theme', { detail: { theme: current() } }));
        }
      });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
