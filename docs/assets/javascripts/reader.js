/* Reading comfort (适老化): the font-size switch and the keyboard-operable menu.
 *
 * Font size: three steps (标准/大/特大) kept in localStorage, so the choice
 * holds on every page and on the next visit (also from file://). The page
 * head applies the stored step before the page is drawn (overrides/main.html);
 * this script wires the buttons.
 *
 * Menu: at phone width Material opens its drawer with a <label>, which the
 * keyboard cannot reach; it is made a focusable button here (Enter/Space opens
 * it, Escape closes it). While the drawer is closed its links are not
 * tabbable (yearbook.css hides the closed drawer).
 */
(function () {
  "use strict";
  var KEY = "yearbook-font-step";
  var root = document.documentElement;

  function setStep(step) {
    if (step === "0") { root.removeAttribute("data-yb-font"); } else { root.setAttribute("data-yb-font", step); }
    try { localStorage.setItem(KEY, step); } catch (e) { /* storage refused: this page only */ }
    var buttons = document.querySelectorAll("[data-yb-font-step]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-yb-font-step") === step));
    }
  }

  function currentStep() {
    return root.getAttribute("data-yb-font") || "0";
  }

  function wireFontButtons() {
    var buttons = document.querySelectorAll("[data-yb-font-step]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        setStep(event.currentTarget.getAttribute("data-yb-font-step"));
      });
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-yb-font-step") === currentStep()));
    }
  }

  function wireDrawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    if (!toggle || !label) { return; }
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", "打开导航菜单");
    label.setAttribute("aria-expanded", String(toggle.checked));
    toggle.addEventListener("change", function () {
      label.setAttribute("aria-expanded", String(toggle.checked));
    });
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        // Handled here only: Material's own key handler would click the
        // label a second time and close the menu again.
        event.preventDefault();
        event.stopPropagation();
        label.click();
        if (toggle.checked) {
          // Move the focus into the opened menu, at its first link.
          setTimeout(function () {
            var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex='0']");
            if (first) { first.focus(); }
          }, 50);
        }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        label.focus();
      }
    });
  }

  // The address printed at the top of a printed page: the configured site
  // address when there is one (written by the build), else where the page is.
  function fillPrintAddress() {
    var slot = document.querySelector("[data-yb-print-url]");
    if (slot && !slot.textContent) { slot.textContent = location.href.split("#")[0]; }
  }

  // A table wider than a phone scrolls sideways inside its frame: the frame
  // takes the keyboard focus (arrow keys scroll it) and says what it holds.
  function focusableScrollers() {
    var frames = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.scrollWidth > frame.clientWidth + 1 && !frame.hasAttribute("tabindex")) {
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", "表格（可左右滚动）");
      }
    }
  }

  wireFontButtons();
  wireDrawer();
  fillPrintAddress();
  // Material wraps the tables in their frames after this script ran: check
  // again once it has (its document$ stream), after load and on resize.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setTimeout(focusableScrollers, 0); });
  }
  window.addEventListener("load", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);
})();
