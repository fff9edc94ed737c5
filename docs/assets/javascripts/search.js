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
  var SEPARATORS = /[\u0001\u0002]/g;  // between entries and titles in the search text

  /* The same whitespace, tested per character (a regex per character is too
   * slow for the long entries a snippet is cut from). */
  function isSpace(code) {
    return code === 32 || (code >= 9 && code <= 13) || code === 0x85 || code === 0xa0 ||
      code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 ||
      code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
  }

  // Character map: full-width ASCII → half width, A–Z → a–z, and the
  // traditional → simplified table generated at build time by OpenCC (t2s).
  var MAP = Object.create(null);
  var MAP_RE = /[\uff01-\uff5eA-Z]/g;     // for texts: with the table's characters the text holds
  var QUERY_RE = MAP_RE;                    // for queries: with every character of the table
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

  function normaliseQuery(text) {
    return text.replace(WS_RUN, "").replace(QUERY_RE, mapChar);
  }

  function queryTerms(query) {
    var terms = [];
    query.slice(0, QUERY_MAX).split(WS_RUN).forEach(function (raw) {
      var term = normaliseQuery(raw).replace(/[\u0000-\u001f]/g, "");
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
    normaliseQuery: normaliseQuery,
    queryTerms: queryTerms
  };

  /* One slice of a volume's entries. Its search text ("hay") is, per entry,
   * "\u0002" + title + "\u0001" + text, normalised in one pass for the whole
   * slice. Typed terms never hold these two control characters, so no match
   * straddles two entries or a title and its text. */
  window.__yearbookSearchChunk = function (data) {
    var raw = [];
    data.entries.forEach(function (row) {
      // (a stray separator in the text itself becomes another control
      // character of the same length, so offsets still line up)
      raw.push("\u0002", row[0].replace(SEPARATORS, "\u0003"), "\u0001", row[3].replace(SEPARATORS, "\u0003"));
    });
    var hay = normalise(raw.join(""));
    var starts = [], textStarts = [], titles = [];
    for (var p = hay.indexOf("\u0002"); p >= 0; p = hay.indexOf("\u0002", p + 1)) {
      var t = hay.indexOf("\u0001", p);
      starts.push(p);
      textStarts.push(t + 1);
      titles.push(hay.slice(p + 1, t));
    }
    var aids = {};                              // finding aids: ranked last
    (data.aids || []).forEach(function (k) { aids[k] = 1; });
    var chunk = {
      first: data.first, places: data.places, rows: data.entries, aids: aids,
      hay: hay, starts: starts, textStarts: textStarts, titles: titles
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
    s.fetchPriority = "high";  // injected async scripts otherwise get a low priority
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
    var t2s = manifest.t2s, all = "";
    for (var k = 0; k + 1 < t2s.length; k += 2) {
      MAP[t2s.charAt(k)] = t2s.charAt(k + 1);
      all += t2s.charAt(k);
    }
    MAP_RE = new RegExp("[\\uff01-\\uff5eA-Z" + manifest.t2s_in_text + "]", "g");
    QUERY_RE = new RegExp("[\\uff01-\\uff5eA-Z" + all + "]", "g");
    api.total = manifest.total;
    // First the page's own volume (outside any volume, the first one): search
    // is ready then; the other volumes follow and results grow as they come.
    var volume = currentVolume();
    if (!manifest.chunks.some(function (c) { return c.volume === volume; })) {
      volume = manifest.chunks.length ? manifest.chunks[0].volume : null;
    }
    var mine = manifest.chunks.filter(function (c) { return c.volume === volume; });
    var rest = manifest.chunks.filter(function (c) { return c.volume !== volume; });
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
   * query, then real entries before finding aids (the printed 条目索引 lists
   * every heading, so it holds almost any query), then more terms in the
   * title, then more occurrences, then an earlier first occurrence, then
   * reading order. */
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
          exact: title === whole ? 1 : 0, aid: chunk.aids[i] ? 1 : 0, inTitle: inTitle,
          count: found[key2].count, first: found[key2].first
        });
      }
    });
    results.sort(function (a, b) {
      return (b.exact - a.exact) || (a.aid - b.aid) || (b.inTitle - a.inTitle) || (b.count - a.count) ||
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
   * runs shown as one space. `norm` is the normalised text of that stretch
   * and `at` the original offset of each of its characters. */
  function highlight(text, norm, at, a, b, terms) {
    var marks = [];
    terms.forEach(function (term) {
      var p = norm.indexOf(term);
      while (p >= 0) {
        marks.push([at[p], at[p + term.length - 1] + 1]);
        p = norm.indexOf(term, p + term.length);
      }
    });
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var html = "", pos = a;
    marks.forEach(function (m) {
      if (m[1] <= pos) return;
      var s = Math.max(m[0], pos);
      html += plain(text.slice(pos, s)) + "<mark>" + plain(text.slice(s, m[1])) + "</mark>";
      pos = m[1];
    });
    return html + plain(text.slice(pos, b));
  }

  function plain(s) { return escapeHTML(s.replace(WS_RUN, " ")); }

  /* Original offsets of the normalised characters from..to-1 of `text`:
   * normalisation drops whitespace and maps every other character to one. */
  function offsets(text, from, to) {
    var at = [], n = 0;
    for (var i = 0; i < text.length && n < to; i++) {
      if (isSpace(text.charCodeAt(i))) continue;
      if (n >= from) at.push(i);
      n++;
    }
    return at;
  }

  function titleHTML(title, terms) {
    var norm = normalise(title), at = offsets(title, 0, norm.length);
    return highlight(title, norm, at, 0, title.length, terms);
  }

  /* A stretch of the entry's text around its first match, matches marked.
   * Only that stretch is mapped back to the original: entries run to tens of
   * thousands of characters. */
  function snippet(r, terms) {
    var chunk = r.chunk, i = r.index, text = chunk.rows[i][3];
    var end = i + 1 < chunk.starts.length ? chunk.starts[i + 1] : chunk.hay.length;
    var norm = chunk.hay.slice(chunk.textStarts[i], end);   // this entry's normalised text
    if (!norm.length) return "";
    var first = -1;
    terms.forEach(function (term) {
      var p = norm.indexOf(term);
      if (p >= 0 && (first < 0 || p < first)) first = p;
    });
    var from = Math.max(0, first - SNIPPET_BEFORE);
    var to = Math.min(norm.length, Math.max(first, 0) + SNIPPET_AFTER);
    var at = offsets(text, from, to);
    var html = highlight(text, norm.slice(from, to), at, at[0], at[at.length - 1] + 1, terms);
    return (from > 0 ? "…" : "") + html + (to < norm.length ? "…" : "");
  }

  /* The entry's link; ?h= carries the terms so the entry's page can mark them. */
  function resultURL(r, terms) {
    var place = r.chunk.places[r.chunk.rows[r.index][1]];
    var anchor = r.chunk.rows[r.index][2];
    var url = new URL(place[3] + (anchor ? "#" + anchor : ""), base);
    url.searchParams.set("h", terms.join(" "));
    return url.href;
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
      '<a class="md-search-result__link" tabindex="-1" href="' + escapeHTML(resultURL(r, terms)) + '"' +
      ' data-yb-position="' + r.position + '">' +
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div>' +
      "<h1>" + titleHTML(row[0], terms) + "</h1>" +
      '<p class="yb-search-result__place">' + escapeHTML(placeText(r)) + "</p>" +
      '<p class="yb-search-result__snippet">' + snippet(r, terms) + "</p>" +
      "</article></a>";
    return li;
  }

  /* ------------------------------------------- marks on the entry's page */

  /* Opened from a result (…?h=terms#entry): mark the terms in that entry —
   * its heading and what follows up to the next heading of its level — then
   * drop ?h= from the address so a copied link stays a clean citation. */
  function markTarget() {
    var url = new URL(location.href), h = url.searchParams.get("h");
    if (h === null) return;
    url.searchParams.delete("h");
    history.replaceState(history.state, "", url.href);
    var heading = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var terms = queryTerms(h);
    if (!heading || !/^H[1-6]$/.test(heading.tagName) || !terms.length) return;
    var nodes = [heading];
    for (var el = heading.nextElementSibling; el; el = el.nextElementSibling) {
      if (/^H[1-6]$/.test(el.tagName) && el.tagName <= heading.tagName) break;
      nodes.push(el);
    }
    nodes.forEach(function (node) {
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT), texts = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      texts.forEach(function (text) { markText(text, terms); });
    });
  }

  function markText(node, terms) {
    var norm = normalise(node.data), at = offsets(node.data, 0, norm.length), spans = [];
    terms.forEach(function (term) {
      for (var p = norm.indexOf(term); p >= 0; p = norm.indexOf(term, p + term.length)) {
        spans.push([at[p], at[p + term.length - 1] + 1]);
      }
    });
    spans.sort(function (a, b) { return b[0] - a[0]; });   // from the end: offsets stay valid
    var last = Infinity;
    spans.forEach(function (span) {
      if (span[1] > last) return;                           // overlaps one already marked
      var range = document.createRange();
      range.setStart(node, span[0]);
      range.setEnd(node, span[1]);
      range.surroundContents(document.createElement("mark"));
      last = span[0];
    });
  }

  /* ------------------------------------------------------------------ UI */

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();

  function mount() {
  // Terms were normalised (t2s included) by the page that linked here.
  markTarget();
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
  // Open the dialog on focus, after the current event: when focus comes from
  // a click on the header's search icon (a <label> of the toggle), the label
  // flips the toggle itself once its click handlers have run.
  input.addEventListener("focus", function () { setTimeout(function () { setToggle(true); }, 0); });
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
