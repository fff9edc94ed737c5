/* Glossary tooltips (名词解释).
 *
 * The build marks the first occurrence of each glossary term in an entry as a
 * link to the term on the glossary page (a.gl-term) and puts the definitions
 * the page needs in <script type="application/json" class="gl-data"> blocks.
 * This script shows the definition next to the term:
 *   - mouse: on hover (the tooltip stays while the pointer is over it);
 *   - touch: the first tap shows it, a second tap follows the link;
 *   - keyboard: on focus; Tab moves into the tooltip's link, Escape closes.
 * Without this script the term is still a plain link to its definition.
 * No network: everything comes from the page itself, so it works from file://.
 * Text is inserted with textContent only: a definition is never parsed as HTML.
 */
(function () {
  "use strict";

  var defs = null;
  var tip = null;
  var current = null;
  var hideTimer = null;
  var pointerType = "mouse";
  var shownBeforeTap = false;
  var refocusing = false; // Escape returns focus to the term without reopening

  function definitions() {
    if (defs) return defs;
    defs = {};
    var blocks = document.querySelectorAll("script.gl-data");
    for (var i = 0; i < blocks.length; i++) {
      try {
        var data = JSON.parse(blocks[i].textContent);
        for (var key in data) if (Object.prototype.hasOwnProperty.call(data, key)) defs[key] = data[key];
      } catch (e) { /* a damaged block only loses its own tooltips */ }
    }
    return defs;
  }

  function termOf(el) {
    return el && el.closest ? el.closest("a.gl-term") : null;
  }

  function keyOf(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    return hash < 0 ? "" : decodeURIComponent(href.slice(hash + 1));
  }

  function part(tag, cls) {
    var el = document.createElement(tag);
    el.className = cls;
    return el;
  }

  function tooltip() {
    if (tip) return tip;
    tip = part("span", "gl-tooltip");
    tip.id = "gl-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.appendChild(part("strong", "gl-tooltip__term"));
    tip.appendChild(part("span", "gl-tooltip__def"));
    tip.appendChild(part("span", "gl-tooltip__source"));
    var more = part("a", "gl-tooltip__more");
    more.textContent = "查看名词解释 →";
    tip.appendChild(more);
    tip.addEventListener("mouseenter", cancelHide);
    tip.addEventListener("mouseleave", scheduleHide);
    tip.addEventListener("focusout", function (e) {
      if (!tip.contains(e.relatedTarget) && e.relatedTarget !== current) scheduleHide();
    });
    return tip;
  }

  function show(link) {
    var data = definitions()[keyOf(link)];
    if (!data) return;
    cancelHide();
    if (current && current !== link) hide();
    var t = tooltip();
    t.querySelector(".gl-tooltip__term").textContent = data.term;
    t.querySelector(".gl-tooltip__def").textContent = data.definition;
    t.querySelector(".gl-tooltip__source").textContent = "来源：" + data.source;
    t.querySelector(".gl-tooltip__more").setAttribute("href", link.getAttribute("href"));
    // Right after the term in the document, so Tab reaches the tooltip's link next.
    if (link.nextSibling !== t) link.parentNode.insertBefore(t, link.nextSibling);
    t.hidden = false;
    current = link;
    link.setAttribute("aria-describedby", t.id);
    link.setAttribute("aria-expanded", "true");
    place();
  }

  function hide() {
    cancelHide();
    if (!tip || tip.hidden) return;
    tip.hidden = true;
    if (current) {
      current.removeAttribute("aria-describedby");
      current.setAttribute("aria-expanded", "false");
    }
    current = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, 250);
  }

  function cancelHide() {
    if (hideTimer) window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  /* Below the term, or above it when there is no room; inside the viewport. */
  function place() {
    if (!tip || tip.hidden || !current) return;
    var r = current.getBoundingClientRect();
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, vw - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight && r.top - h - 6 > 0) top = r.top - h - 6;
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  document.addEventListener("pointerdown", function (e) {
    pointerType = e.pointerType || "mouse";
    var link = termOf(e.target);
    shownBeforeTap = !!(link && link === current && tip && !tip.hidden);
  }, true);

  document.addEventListener("mouseover", function (e) {
    var link = termOf(e.target);
    if (link && pointerType === "mouse") show(link);
  });

  document.addEventListener("mouseout", function (e) {
    var link = termOf(e.target);
    if (link && link === current && !(tip && tip.contains(e.relatedTarget))) scheduleHide();
  });

  document.addEventListener("focusin", function (e) {
    var link = termOf(e.target);
    if (link && !refocusing) show(link);
    refocusing = false;
  });

  document.addEventListener("focusout", function (e) {
    var link = termOf(e.target);
    if (link && link === current && !(tip && tip.contains(e.relatedTarget))) scheduleHide();
  });

  document.addEventListener("click", function (e) {
    var link = termOf(e.target);
    if (link) {
      // Touch has no hover: the first tap explains, a second tap follows the link.
      if (pointerType !== "mouse" && !shownBeforeTap) {
        e.preventDefault();
        show(link);
      }
      return;
    }
    if (tip && !tip.hidden && !tip.contains(e.target)) hide();
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && tip && !tip.hidden) {
      var link = current;
      hide();
      if (link && document.activeElement !== link) {
        refocusing = true;
        link.focus();
      }
    }
  });

  window.addEventListener("scroll", place, { passive: true });
  window.addEventListener("resize", place);
})();
