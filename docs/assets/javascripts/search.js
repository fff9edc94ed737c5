/*
 * Yearbook search (全文检索): finds exactly the entries (条目) that contain what
 * the reader typed, in the theme's header search box, hosted or from file://.
 *
 * Why not Material's search: its lunr index holds the words jieba cut out, and
 * its query rewrite turns 垃圾分类 into `垃圾* 分*`, so it returns pages that
 * merely start a word the same way; its worker never starts from file://.
 * Here the index is the entries' own text (search/<volume>-<n>.js, written by
 * build_scripts/search_index.py) and a query term matches where it occurs as
 * a substring after both sides are normalised the same way.
 *
 * Index files are plain scripts that call window.__yearbookSearchChunk(...):
 * a <script> tag loads them from file://, where fetch and XHR are refused.
 * The page's own volume loads first; the others follow, and results grow as
 * they arrive, so readiness does not grow with the number of volumes.
 *
 * window.yearbookSearch exposes {ready, complete, search(query)} for tests and
 * benchmarks/search_bench.py.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 20;          // results rendered at a time (more on scroll)
  var QUERY_MAX = 64;          // characters of a query considered (as search_index.QUERY_MAX)
  var SNIPPET_BEFORE = 18;     // normalised characters shown before the first match
  var SNIPPET_AFTER = 90;      // … and after it

  // Whitespace dropped before matching: the same list as search_index.WHITESPACE
  // (JavaScript's \s and Python's differ, so neither is used).
  var WS_CLASS = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
  var WS_RUN = new RegExp("[" + WS_CLASS + "]+", "g");
  var WS_ONE = new RegExp("^[" + WS_CLASS + "]$");

  // Character map: full-width ASCII → half width, A–Z → a–z, and the
  // traditional → simplified table generated at build time by OpenCC (t2s).
  var MAP = Object.create(null);
  var MAP_RE = /[\uff01-\uff5eA-Z]/g;
  (function () {
    for (var c = 0xff01; c <= 0xff5e; c++) {
      MAP[String.fromCharCode(c)] = String.fromCharCode(c - 0xfee0).toLowerCase();
    }
    for (c = 65; c <= 90; c++) MAP[String.fromCharCode(c)] = String.fromCharCode(c + 32);
  })();

  function mapChar(ch) { return MAP[ch]; }

  /* The matching form of a text: see build_scripts/search_index.normalise. */
  function normalise(text) {
    return text.replace(WS_RUN, "").replace(MAP_RE, mapChar);
  }

  /* Normalised text plus, for each of its characters, where it stood in the
   * original, so a match can be highlighted in the text as printed. */
  function normaliseWithOffsets(text) {
    var out = [], at = [];
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (WS_ONE.test(ch)) continue;
      out.push(MAP[ch] || ch);
      at.push(i);
    }
    return { text: out.join(""), at: at };
  }

  function queryTerms(query) {
    var terms = [];
    query.slice(0, QUERY_MAX).split(WS_RUN).forEach(function (raw) {
      var term = normalise(raw);
      if (term && terms.indexOf(term) < 0) terms.push(term);
    });
    return terms;
  }

  /* ---------------------------------------------------------------- index */

  // This script is loaded async from the page head (overrides/main.html), so
  // the index downloads while the page is parsed; the site root is where this
  // file sits, two folders up.
  var base = new URL("../../", document.currentScript.src);
  var chunks = [];             // loaded chunks, in reading order
  var manifest = null;
  var listeners = [];          // called when a chunk arrives (to refresh results)
  var readyResolve, completeResolve;
  var api = window.yearbookSearch = {
    ready: new Promise(function (r) { readyResolve = r; }),
    complete: new Promise(function (r) { completeResolve = r; }),
    readyAt: null,
    completeAt: null,
    loaded: 0,
    total: null,
    search: search,
    normalise: normalise,
    queryTerms: queryTerms
  };

  /* One slice of a volume's entries; hay is "\n" + title + "\n" + text per
   * entry, normalised. A normalised term has no "\n", so no match straddles
   * two entries or a title and its text. */
  window.__yearbookSearchChunk = function (data) {
    var hay = [], starts = [], textStarts = [], titles = [], length = 0;
    data.entries.forEach(function (row) {
      var title = normalise(row[0]), text = normalise(row[3]);
      starts.push(length);
      titles.push(title);
      textStarts.push(length + 2 + title.length);
      hay.push("\n", title, "\n", text);
      length += 2 + title.length + text.length;
    });
    var chunk = {
      first: data.first, places: data.places, rows: data.entries,
      hay: hay.join(""), starts: starts, textStarts: textStarts, titles: titles
    };
    var i = 0;
    while (i < chunks.length && chunks[i].first < chunk.first) i++;
    chunks.splice(i, 0, chunk);
    api.loaded += data.entries.length;
    listeners.forEach(function (f) { f(); });
  };

  function loadScript(url, onload) {
    var s = document.createElement("script");
    s.src = url;
    s.async = true;
    s.fetchPriority = "high";  // else Chromium holds it back until the page has parsed
    s.onload = onload;
    s.onerror = onload;      // a missing chunk must not block readiness forever
    document.head.appendChild(s);
  }

  /* The volume of the current page: the first path segment below the site. */
  function currentVolume() {
    var here = location.pathname, root = base.pathname;
    if (here.indexOf(root) !== 0) return null;
    return decodeURIComponent(here.slice(root.length).split("/")[0]);
  }

  function loadChunks(list, done) {
    var left = list.length;
    if (!left) return done();
    list.forEach(function (c) {
      loadScript(new URL("search/" + c.file, base).href, function () {
        if (--left === 0) done();
      });
    });
  }

  loadScript(new URL("search/manifest.js", base).href, function () {
    manifest = window.__yearbookSearchManifest;
    if (!manifest) return;
    var t2s = manifest.t2s, extra = "";
    for (var k = 0; k + 1 < t2s.length; k += 2) {
      MAP[t2s.charAt(k)] = t2s.charAt(k + 1);
      extra += t2s.charAt(k);
    }
    MAP_RE = new RegExp("[\\uff01-\\uff5eA-Z" + extra + "]", "g");
    api.total = manifest.total;
    var volume = currentVolume();
    var mine = manifest.chunks.filter(function (c) { return c.volume === volume; });
    var rest = manifest.chunks.filter(function (c) { return c.volume !== volume; });
    if (!mine.length) { mine = rest; rest = []; }
    loadChunks(mine, function () {
      api.readyAt = performance.now();
      readyResolve();
      loadChunks(rest, function () {
        api.completeAt = performance.now();
        completeResolve();
        listeners.forEach(function (f) { f(); });
      });
    });
  });

  /* --------------------------------------------------------------- search */

  /* Every loaded entry holding every term, best first: title equal to the
   * query, then more terms in the title, then more occurrences, then an
   * earlier first occurrence, then reading order. */
  function search(query) {
    var terms = typeof query === "string" ? queryTerms(query) : query;
    var results = [];
    if (!terms.length) return results;
    var whole = terms.join("");
    chunks.forEach(function (chunk) {
      var found = null;                         // entry index → hit
      for (var t = 0; t < terms.length; t++) {
        var hits = scan(chunk, terms[t], found);
        if (t > 0) {                            // AND: keep entries every term hit
          for (var key in found) {
            if (!hits[key]) delete found[key];
            else {
              found[key].count += hits[key].count;
              found[key].first = Math.min(found[key].first, hits[key].first);
            }
          }
        } else found = hits;
      }
      for (var key2 in found) {
        var i = +key2, title = chunk.titles[i], inTitle = 0;
        for (t = 0; t < terms.length; t++) if (title.indexOf(terms[t]) >= 0) inTitle++;
        results.push({
          position: chunk.first + i, chunk: chunk, index: i,
          exact: title === whole ? 1 : 0, inTitle: inTitle,
          count: found[key2].count, first: found[key2].first
        });
      }
    });
    results.sort(function (a, b) {
      return (b.exact - a.exact) || (b.inTitle - a.inTitle) || (b.count - a.count) ||
        (a.first - b.first) || (a.position - b.position);
    });
    results.terms = terms;
    return results;
  }

  /* Occurrences of one term in a chunk, per entry: {count, first}. When
   * `only` is given, entries outside it are skipped (AND). */
  function scan(chunk, term, only) {
    var hits = {}, hay = chunk.hay, starts = chunk.starts;
    var pos = hay.indexOf(term), entry = -1, end = -1, hit = null;
    while (pos >= 0) {
      if (pos >= end) {                         // next entry: binary search
        var lo = 0, hi = starts.length - 1;
        while (lo < hi) {
          var mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= pos) lo = mid; else hi = mid - 1;
        }
        entry = lo;
        end = entry + 1 < starts.length ? starts[entry + 1] : hay.length;
        if (only && !only[entry]) {             // skip to the next entry
          pos = hay.indexOf(term, end);
          continue;
        }
        hit = hits[entry] = { count: 0, first: pos - starts[entry] };
      }
      hit.count++;
      pos = hay.indexOf(term, pos + term.length);
    }
    return hits;
  }

  /* ------------------------------------------------------------- display */

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c];
    });
  }

  /* `text` from original offset a to b, with the terms marked; whitespace
   * runs shown as one space. */
  function highlight(text, norm, a, b, terms) {
    var marks = [];
    terms.forEach(function (term) {
      var p = norm.text.indexOf(term);
      while (p >= 0) {
        var s = norm.at[p], e = norm.at[p + term.length - 1] + 1;
        if (e > a && s < b) marks.push([Math.max(s, a), Math.min(e, b)]);
        p = norm.text.indexOf(term, p + term.length);
      }
    });
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var html = "", at = a;
    marks.forEach(function (m) {
      if (m[1] <= at) return;
      var s = Math.max(m[0], at);
      html += plain(text.slice(at, s)) + "<mark>" + plain(text.slice(s, m[1])) + "</mark>";
      at = m[1];
    });
    return html + plain(text.slice(at, b));
  }

  function plain(s) { return escapeHTML(s.replace(WS_RUN, " ")); }

  /* A line of the entry's text around its first match. */
  function snippet(text, terms) {
    var norm = normaliseWithOffsets(text);
    var first = -1;
    terms.forEach(function (term) {
      var p = norm.text.indexOf(term);
      if (p >= 0 && (first < 0 || p < first)) first = p;
    });
    if (!norm.at.length) return "";
    var from = Math.max(0, first - SNIPPET_BEFORE);
    var to = Math.min(norm.at.length, (first < 0 ? 0 : first) + SNIPPET_AFTER);
    var a = norm.at[from], b = norm.at[to - 1] + 1;
    return (from > 0 ? "…" : "") + highlight(text, norm, a, b, terms) +
      (to < norm.at.length ? "…" : "");
  }

  function resultURL(r) {
    var place = r.chunk.places[r.chunk.rows[r.index][1]];
    var anchor = r.chunk.rows[r.index][2];
    return new URL(place[3] + (anchor ? "#" + anchor : ""), base).href;
  }

  function placeText(r) {
    var place = r.chunk.places[r.chunk.rows[r.index][1]];
    return place.slice(0, 3).filter(Boolean).join(" › ");
  }

  function renderItem(r, terms) {
    var row = r.chunk.rows[r.index];
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML =
      '<a class="md-search-result__link" tabindex="-1" href="' + escapeHTML(resultURL(r)) + '"' +
      ' data-yb-position="' + r.position + '">' +
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div>' +
      "<h1>" + highlight(row[0], normaliseWithOffsets(row[0]), 0, row[0].length, terms) + "</h1>" +
      '<p class="yb-search-result__place">' + escapeHTML(placeText(r)) + "</p>" +
      '<p class="yb-search-result__snippet">' + snippet(row[3], terms) + "</p>" +
      "</article></a>";
    return li;
  }

  /* ------------------------------------------------------------------ UI */

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();

  function mount() {
  var root = document.querySelector("[data-yb-search=root]");
  if (!root) return;
  var input = root.querySelector("[data-yb-search=query]");
  var result = root.querySelector("[data-yb-search=result]");
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");
  var toggle = document.getElementById("__search");
  var placeholder = meta.textContent.trim();
  var shown = [], rendered = 0, lastQuery = null, composing = false;

  function setToggle(on) {
    if (toggle.checked !== on) toggle.click();  // as Material does: fires "change"
  }

  function renderMore() {
    var stop = Math.min(shown.length, rendered + PAGE_SIZE);
    for (; rendered < stop; rendered++) list.appendChild(renderItem(shown[rendered], shown.terms));
  }

  function update(force) {
    var value = input.value;
    if (!force && value === lastQuery) return;
    lastQuery = value;
    shown = search(value);
    rendered = 0;
    list.innerHTML = "";
    var loading = api.completeAt === null;
    if (!shown.terms) {
      meta.textContent = placeholder;
    } else if (!shown.length) {
      meta.textContent = loading ? "正在载入检索索引…" : "没有条目包含“" + value.trim() + "”";
    } else {
      meta.textContent = shown.length + " 个条目" + (loading ? "（索引载入中，结果还会增加）" : "");
    }
    meta.setAttribute("data-yb-query", value);
    meta.setAttribute("data-yb-count", shown.length);
    meta.setAttribute("data-yb-complete", loading ? "false" : "true");
    renderMore();
  }

  listeners.push(function () { if (lastQuery) update(true); });

  input.addEventListener("input", function () { if (!composing) update(); });
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; update(); });
  input.addEventListener("focus", function () { setToggle(true); });
  input.form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  input.form.addEventListener("reset", function () {
    setTimeout(function () { update(); input.focus(); }, 0);
  });
  // On phones the search dialog opens from the header icon; focus the box so
  // the keyboard comes up (must happen inside the user's click).
  var label = document.querySelector("header [for=__search]");
  if (label) label.addEventListener("click", function () { input.focus(); });

  scrollwrap.addEventListener("scroll", function () {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight > scrollwrap.scrollHeight - 200) renderMore();
  });

  root.addEventListener("click", function (ev) {
    if (ev.target instanceof Element && ev.target.closest("a")) setToggle(false);
  });

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a[href]")); }

  window.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || composing || ev.isComposing) return;
    var active = document.activeElement;
    if (toggle.checked) {
      if (ev.key === "Escape" || ev.key === "Tab") {
        setToggle(false);
        input.blur();
      } else if (ev.key === "Enter" && active === input) {
        var best = links()[0];
        if (best) { setToggle(false); best.click(); }
        ev.preventDefault();
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        var els = [input].concat(links());
        var i = Math.max(0, els.indexOf(active));
        i = (i + els.length + (ev.key === "ArrowUp" ? -1 : 1)) % els.length;
        els[i].focus();
        ev.preventDefault();
      }
    } else if ((ev.key === "/" || ev.key === "s" || ev.key === "f") &&
               !(active && (active.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)))) {
      input.focus();
      input.select();
      ev.preventDefault();
    }
  }, true);

  // Deep links: …/?q=垃圾分类 opens the search with that query.
  var q = new URL(location.href).searchParams.get("q");
  if (q) {
    input.value = q;
    setToggle(true);
    input.focus();
    update();
  }
  }
})();
