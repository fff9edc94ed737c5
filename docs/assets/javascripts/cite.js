/* 引用本条: copy an entry's GB/T 7714-2015 citation.
 *
 * The build writes the citation up to the page into the button's data-cite
 * (build_scripts/cover.py); only the reader's browser knows the access date
 * ([引用日期], today) and, when the site has no configured address, the
 * address the reader is on. The offline bundle (file://) cites the site's
 * public address when one is configured (mkdocs.yml site_url), else none.
 * The citation is also shown under the button, so it can be read and
 * selected by hand where the clipboard is refused.
 */
(function () {
  "use strict";

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function entryAddress(button) {
    var meta = document.querySelector('meta[name="yearbook-site-address"]');
    var site = meta ? meta.content : "";
    if (site) {
      return site.replace(/\/?$/, "/") + button.getAttribute("data-url");
    }
    if (location.protocol === "http:" || location.protocol === "https:") {
      var anchor = button.getAttribute("data-url").split("#")[1];
      return location.href.split("#")[0] + "#" + anchor;
    }
    return "";
  }

  function citationOf(button) {
    var url = entryAddress(button);
    return button.getAttribute("data-cite") + "[" + today() + "]" + (url ? ". " + url : "") + ".";
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return Promise.resolve(legacyCopy(text));
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (!ok) { throw new Error("copy refused"); }
  }

  function show(button, text, copied) {
    var box = button.parentNode.nextElementSibling;
    if (!box || !box.classList.contains("cite-text")) {
      box = document.createElement("p");
      box.className = "cite-text";
      box.setAttribute("role", "status");
      button.parentNode.parentNode.insertBefore(box, button.parentNode.nextSibling);
    }
    box.textContent = "";
    var cite = document.createElement("span");
    cite.className = "cite-text__citation";
    cite.textContent = text;
    var note = document.createElement("span");
    note.className = "cite-text__note";
    note.textContent = copied ? "（已复制到剪贴板）" : "（请选中后复制）";
    box.appendChild(cite);
    box.appendChild(note);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".cite-button");
    if (!button) { return; }
    var text = citationOf(button);
    Promise.resolve()
      .then(function () { return copy(text); })
      .then(function () { show(button, text, true); }, function () { show(button, text, false); });
  });
})();
