/*
 * Yearbook search engine (全文检索): finds exactly the entries (条目) that
 * contain what the reader typed, in the theme's header search box, hosted or
 * from file://, and ranks them by the rules of the search manifest.
 *
 * Why not Material's search: its lunr index holds the words jieba cut out, and
 * its query rewrite turns 垃圾分类 into `垃圾* 分*`, so it returns pages that
 * merely start a word the same way; its worker never starts from file://.
 * Here the index is the entries' own text (search/<volume>-<n>.js, written by
 * build_scripts/search/index.py) and a query term matches where it occurs as
 * a substring after both sides are normalised the same way.
 *
 * Loading: nothing of the search is downloaded with a page. The header partial
 * (build_scripts/search/templates/partials/search.html) loads this file when
 * the reader focuses the search box or presses /; this file then loads
 * search/manifest.js and the page's own volume, then the other volumes (past
 * the manifest's limits.autoload_chars, only when the reader asks). Index
 * files are plain scripts that call window.__yearbookSearchChunk(...): a
 * <script> tag loads them from file://, where fetch and XHR are refused.
 *
 * Ranking: manifest.ranking is the ordered list of rules of
 * build_scripts/search/rules.py; a result's rank is the first rule it
 * satisfies, in the manifest's order (see `rank`).
 *
 * window.yearbookSearch exposes {ready, complete, start, loadAll, search(query)}
 * for tests and benchmarks/search_bench.py.
 */
(function () {
  "use strict";
  if (window.yearbookSearch) return;

  // Limits of build_scripts/search/rules.LIMITS, written in by the build (the
  // manifest carries the same object; marks on a page opened from a result
  // need them before any index is loaded).
  var LIMITS = /*LIMITS*/null;
  var SEPARATORS = /[\u0001\u0002]/g;  // between entries and titles in the search text
  var WS_RUN, SPACE = new Uint8Array(0x10000);

  function setLimits(limits) {
    LIMITS = limits;
    WS_RUN = new RegExp("[" + limits.whitespace + "]+", "g");
    // The same whitespace, tested per character (a regex per character is too
    // slow for the long entries a snippet is cut from): expand the class.
    var ws = limits.whitespace;
    for (var i = 0; i < ws.length; i++) {
      if (ws.charAt(i + 1) === "-" && i + 2 < ws.length) {
        for (var c = ws.charCodeAt(i); c <= ws.charCodeAt(i + 2); c++) SPACE[c] = 1;
        i += 2;
      } else SPACE[ws.charCodeAt(i)] = 1;
    }
  }
  setLimits(LIMITS);

  function isSpace(code) { return code < 0x10000 && SPACE[code] === 1; }

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

  /* The matching form of a text: see build_scripts/search/normalise.py. */
  function normalise(text) {
    return text.replace(WS_RUN, "").replace(MAP_RE, mapChar);
  }

  function normaliseQuery(text) {
    return text.replace(WS_RUN, "").replace(QUERY_RE, mapChar);
  }

  function queryTerms(query) {
    var terms = [];
    query.slice(0, LIMITS.query_max).split(WS_RUN).forEach(function (raw) {
      var term = normaliseQuery(raw).replace(/[\u0000-\u001f]/g, "");
      if (term && terms.indexOf(term) < 0) terms.push(term);
    });
    return terms;
  }

  /* ---------------------------------------------------------------- index */

  // This file is search/search.js: the site root is one folder up.
  var base = new URL("../", document.currentScript.src);
  var chunks = [];             // loaded chunks, in reading order
  var manifest = null;
  var listeners = [];          // called when a chunk arrives (to refresh results)
  var volumeState = {};        // volume id → "loading" | "loaded"
  var textChars = 0;           // normalised text characters loaded (BM25's average length)
  var readyResolve, completeResolve, started = false, mounted = false;
  var api = window.yearbookSearch = {
    ready: new Promise(function (r) { readyResolve = r; }),
    complete: new Promise(function (r) { completeResolve = r; }),
    startedAt: null,
    readyAt: null,
    completeAt: null,
    loaded: 0,
    total: null,
    manifest: null,
    start: start,
    loadAll: loadAll,
    loadVolume: loadVolume,
    volumeState: volumeState,
    search: search,
    normalise: normalise,
    normaliseQuery: normaliseQuery,
    queryTerms: queryTerms
  };
  Object.defineProperty(api, "mounted", { get: function () { return mounted; } });

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
    var starts = [], textStarts = [], titles = [], lengths = [];
    for (var p = hay.indexOf("\u0002"); p >= 0; p = hay.indexOf("\u0002", p + 1)) {
      var t = hay.indexOf("\u0001", p);
      starts.push(p);
      textStarts.push(t + 1);
      titles.push(hay.slice(p + 1, t));
    }
    for (var i = 0; i < starts.length; i++) {
      lengths.push((i + 1 < starts.length ? starts[i + 1] : hay.length) - textStarts[i]);
      textChars += lengths[i];
    }
    var pinyin = data.entries.map(function (row) { return syllables(row[6] || ""); });
    var chunk = {
      first: data.first, places: data.places, rows: data.entries, hay: hay, starts: starts,
      textStarts: textStarts, titles: titles, lengths: lengths, pinyin: pinyin,
      headings: data.places.map(headingNames),
      volume: volumeOfChunk(data.first)
    };
    var k = 0;
    while (k < chunks.length && chunks[k].first < chunk.first) k++;
    chunks.splice(k, 0, chunk);
    api.loaded += data.entries.length;
    listeners.forEach(function (f) { f(); });
  };

  function volumeOfChunk(first) {
    var list = manifest ? manifest.chunks : [];
    for (var i = 0; i < list.length; i++) if (list[i].first === first) return list[i].volume;
    return null;
  }

  /* The normalised 篇/章/分目 names of a place, with and without the leading
   * year the rule heading-equals strips (as rules.heading_names). */
  function headingNames(place) {
    var rule = manifest && ruleById("heading-equals"), strip = rule && rule.strip ? new RegExp(rule.strip) : null;
    var out = [];
    [place[0], place[1], place[2]].forEach(function (name) {
      if (!name) return;
      var n = normalise(name);
      out.push(n);
      if (strip && n.replace(strip, "") !== n) out.push(n.replace(strip, ""));
    });
    return out;
  }

  /* A title's pinyin: the syllables joined, where each starts, the initials. */
  function syllables(text) {
    if (!text) return null;
    var parts = text.split(" "), at = [], pos = 0, initials = "";
    parts.forEach(function (s) { at.push(pos); pos += s.length; initials += s.charAt(0); });
    return { full: parts.join(""), at: at, initials: initials };
  }

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
    var first = here.slice(root.length).split("/")[0];
    try { return decodeURIComponent(first); } catch (e) { return first; }
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

  /* Load one volume's chunks (once); `done` runs when they are in. */
  function loadVolume(volume, done) {
    done = done || function () {};
    if (!manifest) return done();
    if (volumeState[volume] === "loaded") return done();
    var waiting = volumeState["wait:" + volume] = volumeState["wait:" + volume] || [];
    waiting.push(done);
    if (volumeState[volume] === "loading") return;
    volumeState[volume] = "loading";
    var list = manifest.chunks.filter(function (c) { return c.volume === volume; });
    loadChunks(list, function () {
      volumeState[volume] = "loaded";
      var w = volumeState["wait:" + volume];
      delete volumeState["wait:" + volume];
      w.forEach(function (f) { f(); });
      listeners.forEach(function (f) { f(); });
    });
  }

  function loadVolumes(volumes, done) {
    var left = volumes.length;
    if (!left) return done();
    volumes.forEach(function (v) { loadVolume(v, function () { if (--left === 0) done(); }); });
  }

  function volumeIds() { return manifest ? manifest.volumes.map(function (v) { return v.id; }) : []; }

  function unloaded() {
    return volumeIds().filter(function (v) { return volumeState[v] !== "loaded" && volumeState[v] !== "loading"; });
  }

  function loadAll(done) {
    loadVolumes(volumeIds(), function () {
      if (api.completeAt === null) { api.completeAt = performance.now(); completeResolve(); }
      if (done) done();
      listeners.forEach(function (f) { f(); });
    });
  }

  /* The manifest: the header partial requests it together with this file
   * (one round trip less before the first result); else load it now. */
  function whenManifest(done) {
    var pending = window.__ybManifestScript;
    if (window.__yearbookSearchManifest) return done();
    if (pending) {
      pending.addEventListener("load", function () { done(); });
      pending.addEventListener("error", function () { done(); });
      return;
    }
    loadScript(new URL("search/manifest.js", base).href, done);
  }

  /* Start loading: the manifest, the page's own volume (search is ready
   * then), then the other volumes while their text stays within the
   * autoload budget; the rest wait for the reader (volume filter, 全部卷). */
  function start() {
    if (started) return;
    started = true;
    api.startedAt = performance.now();
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("search/search.css", base).href;
    document.head.appendChild(css);
    whenManifest(function () {
      manifest = api.manifest = window.__yearbookSearchManifest;
      if (!manifest) return;
      setLimits(manifest.limits);
      var t2s = manifest.t2s, all = "";
      for (var k = 0; k + 1 < t2s.length; k += 2) {
        MAP[t2s.charAt(k)] = t2s.charAt(k + 1);
        all += t2s.charAt(k);
      }
      MAP_RE = new RegExp("[\\uff01-\\uff5eA-Z" + manifest.t2s_in_text + "]", "g");
      QUERY_RE = new RegExp("[\\uff01-\\uff5eA-Z" + all + "]", "g");
      api.total = manifest.total;
      var ids = volumeIds(), volume = currentVolume();
      if (ids.indexOf(volume) < 0) volume = ids.length ? ids[0] : null;
      var chars = {};
      manifest.chunks.forEach(function (c) { chars[c.volume] = (chars[c.volume] || 0) + c.chars; });
      var budget = manifest.limits.autoload_chars - (chars[volume] || 0), auto = [];
      ids.forEach(function (v) {
        if (v === volume) return;
        if (chars[v] <= budget) { auto.push(v); budget -= chars[v]; }
      });
      listeners.forEach(function (f) { f(); });
      loadVolumes(volume === null ? [] : [volume], function () {
        api.readyAt = performance.now();
        readyResolve();
        loadVolumes(auto, function () {
          if (!unloaded().length && api.completeAt === null) {
            api.completeAt = performance.now();
            completeResolve();
          }
          api.autoloadedAt = performance.now();
          listeners.forEach(function (f) { f(); });
        });
      });
    });
  }

  /* --------------------------------------------------------------- search */

  /* Occurrences of one term in a chunk, per entry: {count (in the text),
   * title (occurs in the title), first (offset in the text)}. */
  function scan(chunk, term) {
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
        hit = hits[entry] = { count: 0, title: false, first: -1 };
      }
      if (pos < chunk.textStarts[entry]) hit.title = true;
      else {
        if (hit.first < 0) hit.first = pos - chunk.textStarts[entry];
        hit.count++;
      }
      pos = hay.indexOf(term, pos + term.length);
    }
    return hits;
  }

  /* Every loaded entry holding every term (and, for a Latin-letter query,
   * the titles its pinyin matches), best first by the manifest's rules.
   * `volume` (optional) restricts the results to one volume. */
  function search(query, volume) {
    var terms = typeof query === "string" ? queryTerms(query) : query;
    var results = [];
    results.terms = terms;
    results.exact = 0;
    if (!terms.length || !manifest) return results;
    var whole = terms.join("");
    var found = [], df = terms.map(function () { return 0; });
    chunks.forEach(function (chunk) {
      if (volume && chunk.volume !== volume) return;
      var per = terms.map(function (term) { return scan(chunk, term); });
      per.forEach(function (hits, t) { df[t] += Object.keys(hits).length; });
      var taken = {};
      for (var key in per[0]) {
        var ok = true;
        for (var t = 1; t < terms.length && ok; t++) ok = !!per[t][key];
        if (ok) {
          taken[key] = 1;
          found.push({ chunk: chunk, index: +key, hits: per.map(function (h) { return h[key]; }) });
        }
      }
      // Rule heading-equals: the whole query names the 篇/章/分目 an entry
      // lies under, so the entry answers it even if its text never repeats it.
      var named = chunk.headings.map(function (names) { return names.indexOf(whole) >= 0; });
      if (named.indexOf(true) < 0) return;
      chunk.rows.forEach(function (row, i) {
        if (!named[row[1]] || taken[i]) return;
        found.push({ chunk: chunk, index: i, hits: terms.map(function () { return { count: 0, title: false, first: -1 }; }) });
      });
    });
    var n = Math.max(1, api.loaded), avg = textChars / n;
    found.forEach(function (f) {
      var r = {
        position: f.chunk.first + f.index, chunk: f.chunk, index: f.index, pinyin: false,
        volume: f.chunk.volume
      };
      r.score = bm25(f, df, n, avg);
      r.first = Math.min.apply(null, f.hits.map(function (h) { return h.first < 0 ? Infinity : h.first; }));
      rank(r, terms, whole);
      results.push(r);
    });
    results.exact = results.length;
    if (/^[a-z]+$/.test(whole) && whole.length >= LIMITS.pinyin_min) {
      var seen = {};
      results.forEach(function (r) { seen[r.position] = 1; });
      chunks.forEach(function (chunk) {
        if (volume && chunk.volume !== volume) return;
        chunk.pinyin.forEach(function (py, i) {
          var how = py && !seen[chunk.first + i] && pinyinMatch(py, whole);
          if (!how) return;
          var r = { position: chunk.first + i, chunk: chunk, index: i, pinyin: how, volume: chunk.volume,
                    score: 0, first: Infinity };
          rank(r, terms, whole);
          results.push(r);
        });
      });
    }
    results.sort(function (a, b) {
      return (a.tier - b.tier) || (a.sub - b.sub) || (b.score - a.score) || (a.position - b.position);
    });
    return results;
  }

  /* BM25 of an entry's text (k1, b from the manifest's body rule): a term
   * counts with diminishing returns and long texts are discounted, so a
   * table repeating a word does not outrank a short entry about it. */
  function bm25(f, df, n, avg) {
    var rule = ruleById("body") || { k1: 1.2, b: 0.75 }, len = f.chunk.lengths[f.index], s = 0;
    f.hits.forEach(function (h, t) {
      if (!h.count) return;
      var idf = Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5));
      s += idf * h.count * (rule.k1 + 1) / (h.count + rule.k1 * (1 - rule.b + rule.b * len / Math.max(1, avg)));
    });
    return s;
  }

  function ruleById(id) {
    var rules = manifest.ranking;
    for (var i = 0; i < rules.length; i++) if (rules[i].id === id) return rules[i];
    return null;
  }

  /* Full pinyin from a syllable start, or the initials: "full" / "initials". */
  function pinyinMatch(py, q) {
    for (var p = py.full.indexOf(q); p >= 0; p = py.full.indexOf(q, p + 1)) {
      if (py.at.indexOf(p) >= 0) return "full";
    }
    return py.initials.indexOf(q) >= 0 ? "initials" : false;
  }

  /* The rules a result satisfies, as predicates by rule id; `sub` orders
   * results within a rule (smaller first). */
  var RULES = {
    "title-equals": function (r, terms, whole) {
      return r.chunk.titles[r.index] === whole ? 0 : null;
    },
    "heading-equals": function (r, terms, whole, rule) {
      var heads = headingsOf(r);
      if (heads.indexOf(whole) < 0) return null;
      return isOverview(r, rule) ? 0 : 1;
    },
    "title-contains": function (r, terms) {
      var title = r.chunk.titles[r.index];
      if (r.pinyin || !terms.every(function (t) { return title.indexOf(t) >= 0; })) return null;
      return 1 - terms.join("").length / Math.max(1, title.length);   // closest to the query first
    },
    "heading-contains": function (r, terms, whole, rule) {
      if (r.pinyin) return null;
      var heads = headingsOf(r).join("\u0001");
      if (!terms.every(function (t) { return heads.indexOf(t) >= 0; })) return null;
      return isOverview(r, ruleById("heading-equals") || rule) ? 0 : 1;
    },
    "body": function (r) { return r.pinyin ? null : 0; },
    "pinyin": function (r) { return r.pinyin ? (r.pinyin === "full" ? 0 : 1) : null; }
  };

  function headingsOf(r) { return r.chunk.headings[r.chunk.rows[r.index][1]]; }

  function isOverview(r, rule) {
    return !!(rule && rule.overview && rule.overview.indexOf(r.chunk.titles[r.index]) >= 0);
  }

  /* The first rule of the manifest's order that the result satisfies. Three
   * groups: prose (and any entry titled the query), then non-prose entries
   * (demote.kinds), then pinyin matches, which come after every match of
   * the query's own letters. */
  function rank(r, terms, whole) {
    var rules = manifest.ranking, tier = rules.length;
    r.sub = 0;
    for (var i = 0; i < rules.length; i++) {
      var f = RULES[rules[i].id];
      var sub = f ? f(r, terms, whole, rules[i]) : null;
      if (sub !== null && sub !== undefined) { tier = i; r.sub = sub; r.rule = rules[i].id; break; }
    }
    var kind = manifest.kinds[r.chunk.rows[r.index][4] || 0];
    var group = r.pinyin ? 2 :
      manifest.demote && manifest.demote.kinds.indexOf(kind) >= 0 && r.rule !== "title-equals" ? 1 : 0;
    r.tier = group * (rules.length + 1) + tier;
    r.kind = kind;
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
    var from = Math.max(0, first - LIMITS.snippet_before);
    var to = Math.min(norm.length, Math.max(first, 0) + LIMITS.snippet_after);
    var at = offsets(text, from, to);
    var html = highlight(text, norm.slice(from, to), at, at[0], at[at.length - 1] + 1, terms);
    return (from > 0 ? "…" : "") + html + (to < norm.length ? "…" : "");
  }

  /* The entry's link; ?h= carries the terms so the entry's page can mark them. */
  function resultURL(r, terms) {
    var place = r.chunk.places[r.chunk.rows[r.index][1]];
    var anchor = r.chunk.rows[r.index][2];
    var url = new URL(place[3] + (anchor ? "#" + anchor : ""), base);
    if (!r.pinyin) url.searchParams.set("h", terms.join(" "));
    return url.href;
  }

  function placeText(r) {
    var place = r.chunk.places[r.chunk.rows[r.index][1]];
    return place.slice(0, 3).filter(Boolean).join(" › ");
  }

  function volumeMeta(id) {
    var vs = manifest ? manifest.volumes : [];
    for (var i = 0; i < vs.length; i++) if (vs[i].id === id) return vs[i];
    return { id: id, title: id, year: null };
  }

  function volumeLabel(id) {
    var v = volumeMeta(id);
    return v.title + (v.year && String(v.title).indexOf(String(v.year)) < 0 ? "（" + v.year + "）" : "");
  }

  /* 第63页, 第63–64页, 约第63页 (estimated from neighbours). */
  function pageText(label) {
    if (!label) return "";
    var about = label.charAt(0) === "~";
    if (about) label = label.slice(1);
    return (about ? "约" : "") + "第" + label.replace("-", "–") + "页";
  }

  function renderItem(r, terms) {
    var row = r.chunk.rows[r.index];
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var page = pageText(row[5]);
    li.innerHTML =
      '<a class="md-search-result__link" tabindex="-1" href="' + escapeHTML(resultURL(r, terms)) + '"' +
      ' data-yb-position="' + r.position + '" data-yb-rule="' + escapeHTML(r.rule || "") + '">' +
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div>' +
      "<h1>" + (r.pinyin ? escapeHTML(row[0]) : titleHTML(row[0], terms)) +
      (r.pinyin ? ' <span class="yb-search-result__badge">拼音' + (r.pinyin === "initials" ? "首字母" : "") + "匹配</span>" : "") +
      "</h1>" +
      '<p class="yb-search-result__place">' +
      '<span class="yb-search-result__volume">' + escapeHTML(volumeLabel(r.volume)) + "</span>" +
      (placeText(r) ? ' <span class="yb-search-result__path">' + escapeHTML(placeText(r)) + "</span>" : "") +
      (page ? ' <span class="yb-search-result__page">' + escapeHTML(page) + "</span>" : "") +
      "</p>" +
      (r.pinyin ? "" : '<p class="yb-search-result__snippet">' + snippet(r, terms) + "</p>") +
      "</article></a>";
    return li;
  }

  /* ------------------------------------------- marks on the entry's page */

  /* Opened from a result (…?h=terms#entry): mark the terms in that entry —
   * its heading and what follows up to the next heading of its level — then
   * drop ?h= from the address so a copied link stays a clean citation. A
   * malformed ?h= or #anchor (a cut percent-escape, %E4%B8) marks nothing
   * and never stops the search from starting. */
  function markTarget() {
    var url = new URL(location.href), h = url.searchParams.get("h");
    if (h === null) return;
    url.searchParams.delete("h");
    history.replaceState(history.state, "", url.href);
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* keep the raw anchor */ }
    var heading = id && document.getElementById(id);
    var terms = queryTerms(h.replace(/\ufffd/g, ""));
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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();

  function boot() {
    // Terms were normalised (t2s included) by the page that linked here.
    try { markTarget(); } catch (e) { /* a page's marks never block its search */ }
    mount();
    if (window.__ybSearchWanted) start();
  }

  function mount() {
  var root = document.querySelector("[data-yb-search=root]");
  if (!root) return;
  var input = root.querySelector("[data-yb-search=query]");
  var result = root.querySelector("[data-yb-search=result]");
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var filter = root.querySelector("[data-yb-search=filter]");
  var select = root.querySelector("[data-yb-search=volume]");
  var more = root.querySelector("[data-yb-search=more]");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");
  var toggle = document.getElementById("__search");
  var placeholder = meta.textContent.trim();
  var shown = [], rendered = 0, lastQuery = null, lastVolume = null, composing = false;
  mounted = true;

  function setToggle(on) {
    if (toggle.checked !== on) toggle.click();  // as Material does: fires "change"
  }

  function renderMore() {
    var stop = Math.min(shown.length, rendered + LIMITS.page_size);
    for (; rendered < stop; rendered++) list.appendChild(renderItem(shown[rendered], shown.terms));
  }

  /* The volume filter: every volume with its count for this query; volumes
   * not loaded yet are listed too (choosing one loads it). */
  function updateFilter(all) {
    if (!manifest || manifest.volumes.length < 2 || !all.terms.length) {
      filter.hidden = true;
      more.hidden = true;
      return;
    }
    var counts = {};
    all.forEach(function (r) { counts[r.volume] = (counts[r.volume] || 0) + 1; });
    var options = [["", "全部卷（" + all.length + " 条）"]];
    manifest.volumes.forEach(function (v) {
      var state = volumeState[v.id];
      var n = state === "loaded" ? (counts[v.id] || 0) + " 条" : state === "loading" ? "载入中" : "未载入";
      options.push([v.id, volumeLabel(v.id) + "（" + n + "）"]);
    });
    var value = select.value;
    select.innerHTML = "";
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      select.appendChild(opt);
    });
    select.value = value;
    filter.hidden = false;
    var missing = unloaded().length;
    more.hidden = !missing;
    more.textContent = "另有 " + missing + " 卷尚未载入，检索全部卷";
  }

  function update(force) {
    var value = input.value, volume = select.value || null;
    if (!force && value === lastQuery && volume === lastVolume) return;
    lastQuery = value;
    lastVolume = volume;
    if (!manifest && value) start();
    var all = search(value);
    shown = volume ? all.filter(function (r) { return r.volume === volume; }) : all;
    shown.terms = all.terms;
    var exact = shown.filter(function (r) { return !r.pinyin; }).length;
    var pinyin = shown.length - exact;
    rendered = 0;
    list.innerHTML = "";
    var loading = !manifest || api.readyAt === null || (volume ? volumeState[volume] !== "loaded" : api.autoloadedAt === undefined);
    if (!all.terms.length) {
      meta.textContent = manifest || !value ? placeholder : "正在载入检索索引…";
    } else if (!shown.length) {
      meta.textContent = loading ? "正在载入检索索引…" : "没有条目包含“" + value.trim() + "”";
    } else {
      meta.textContent = exact + " 个条目" + (pinyin ? "，另有 " + pinyin + " 个标题拼音相符" : "") +
        (loading ? "（索引载入中，结果还会增加）" : "");
    }
    meta.setAttribute("data-yb-query", value);
    meta.setAttribute("data-yb-count", exact);
    meta.setAttribute("data-yb-complete", loading ? "false" : "true");
    updateFilter(all);
    renderMore();
  }

  listeners.push(function () { if (lastQuery) update(true); });

  input.addEventListener("input", function () { if (!composing) update(); });
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; update(); });
  // Open the dialog on focus, after the current event: when focus comes from
  // a click on the header's search icon (a <label> of the toggle), the label
  // flips the toggle itself once its click handlers have run.
  input.addEventListener("focus", function () {
    start();
    setTimeout(function () { setToggle(true); }, 0);
  });
  input.form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  input.form.addEventListener("reset", function () {
    setTimeout(function () { update(); input.focus(); }, 0);
  });
  select.addEventListener("change", function () {
    if (select.value) loadVolume(select.value);
    update();
  });
  more.addEventListener("click", function () { loadAll(); more.hidden = true; });

  scrollwrap.addEventListener("scroll", function () {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight > scrollwrap.scrollHeight - 200) renderMore();
  });

  root.addEventListener("click", function (ev) {
    if (ev.target instanceof Element && ev.target.closest("a")) setToggle(false);
  });
  // Focus leaving the dialog (Tab past its last control) closes it.
  root.addEventListener("focusout", function (ev) {
    var to = ev.relatedTarget;
    if (to && !root.contains(to)) setToggle(false);
  });

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a[href]")); }

  window.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || composing || ev.isComposing) return;
    var active = document.activeElement;
    if (toggle.checked) {
      if (ev.key === "Escape") {
        setToggle(false);
        input.blur();
      } else if (ev.key === "Enter" && active === input) {
        var best = links()[0];
        if (best) { setToggle(false); best.click(); }
        ev.preventDefault();
      } else if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && active !== select) {
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
    start();
    setToggle(true);
    input.focus();
  }
  // Focused (or typed into) before this script arrived.
  if (document.activeElement === input) setToggle(true);
  if (input.value) update();
  }
})();
