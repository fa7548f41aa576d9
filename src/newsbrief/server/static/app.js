// newsbrief's page: plain JavaScript, no build step.
// Every piece of article text reaches the page through textContent / text nodes, never innerHTML,
// so an article containing markup shows it as text.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { health: null, article: null, segments: new Map(), pinned: null, hover: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function setStatus(text) { $("status").textContent = text || ""; }

function showError(text) {
  const box = $("error");
  box.textContent = text || "";
  box.hidden = !text;
}

async function api(path, options) {
  const response = await fetch(path, options);
  let data = null;
  try { data = await response.json(); } catch (_) { data = null; }
  if (!response.ok) {
    const message = data && data.message ? data.message : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return data;
}

// ---- the article text, cut into segments at every offset some item refers to ----

function renderText(container, text, ranges) {
  clear(container);
  state.segments = new Map();
  const cuts = new Set([0, text.length]);
  const clean = [];
  for (const r of ranges) {
    const start = Math.max(0, Math.min(text.length, r.start | 0));
    const end = Math.max(start, Math.min(text.length, r.end | 0));
    if (end > start) { clean.push({ start, end, key: r.key }); cuts.add(start); cuts.add(end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const keys = clean.filter((r) => r.start <= a && r.end >= b).map((r) => r.key);
    const piece = text.slice(a, b);
    if (!keys.length) { container.append(document.createTextNode(piece)); continue; }
    const span = el("span", { class: "seg", dataset: { keys: keys.join(" "), start: a, end: b } }, piece);
    container.append(span);
    for (const key of keys) {
      if (!state.segments.has(key)) state.segments.set(key, []);
      state.segments.get(key).push(span);
    }
  }
}

function paintHighlights() {
  for (const span of document.querySelectorAll("#article-body .hl")) span.classList.remove("hl");
  for (const key of [state.pinned, state.hover]) {
    if (!key) continue;
    for (const span of state.segments.get(key) || []) span.classList.add("hl");
  }
}

function pin(key, button) {
  const same = state.pinned === key;
  for (const b of document.querySelectorAll("[aria-pressed='true']")) b.setAttribute("aria-pressed", "false");
  state.pinned = same ? null : key;
  if (!same && button) button.setAttribute("aria-pressed", "true");
  paintHighlights();
  if (!same) jumpTo(key, false);
}

function jumpTo(key, focus) {
  const spans = state.segments.get(key) || [];
  if (!spans.length) return;
  const first = spans[0];
  first.scrollIntoView({ block: "center", behavior: "smooth" });
  if (focus) {
    first.setAttribute("tabindex", "-1");
    first.focus({ preventScroll: true });
  }
}

function highlighter(key, label) {
  // a button that highlights `key` in the text while hovered or focused, and pins it when pressed
  return el("button", {
    type: "button", class: "as-text", "aria-pressed": "false", dataset: { key },
    onmouseenter: () => { state.hover = key; paintHighlights(); },
    onmouseleave: () => { state.hover = null; paintHighlights(); },
    onfocus: () => { state.hover = key; paintHighlights(); },
    onblur: () => { state.hover = null; paintHighlights(); },
    onclick: (event) => pin(key, event.currentTarget),
  }, label);
}

// ---- one analysed article ----

function renderArticle(data) {
  state.article = data;
  state.pinned = state.hover = null;
  const meta = data.article || {};
  const text = meta.text || "";
  const ranges = [];
  (data.key_points || []).forEach((kp, i) => (kp.sources || []).forEach((s) => ranges.push({ ...s, key: `kp-${i}` })));
  (data.quotes || []).forEach((q, i) => q.content && ranges.push({ ...q.content, key: `q-${i}` }));
  (data.events || []).forEach((ev, i) => ranges.push({ start: ev.start, end: ev.end, key: `ev-${i}` }));
  (data.entities || []).forEach((ent, i) => (ent.mentions || []).forEach((m) => ranges.push({ ...m, key: `ent-${i}` })));
  renderText($("article-body"), text, ranges);

  $("result-title").textContent = meta.title || "Article";
  const metaBits = [meta.source, meta.published && `published ${meta.published}`, meta.url].filter(Boolean);
  $("article-meta").textContent = metaBits.join(" · ");

  const list = clear($("key-point-list"));
  (data.key_points || []).forEach((kp, i) => list.append(el("li", {}, highlighter(`kp-${i}`, kp.text))));
  if (!(data.key_points || []).length) list.append(el("li", { class: "empty" }, "No key points for this text."));

  const box = clear($("publisher-list"));
  (data.publisher_key_points || []).forEach((p) => box.append(el("li", {}, p.text)));
  $("publisher-box").hidden = !(data.publisher_key_points || []).length;

  renderQuotes($("quote-groups"), data.quotes || [], (q, i) => highlighter(`q-${i}`, `“${q.content.text}”`));
  renderTimeline($("timeline-list"), (data.events || []).map((ev, i) => ({ ev, i })));
  renderEntities(data.entities || []);
  $("result").hidden = false;
}

function speakerLabel(speaker) {
  if (!speaker) return "Unattributed";
  const extra = [speaker.role, speaker.affiliation].filter(Boolean).join(", ");
  return extra ? `${speaker.name} (${extra})` : speaker.name || "Unattributed";
}

function renderQuotes(container, quotes, itemFor) {
  clear(container);
  if (!quotes.length) { container.append(el("p", { class: "empty" }, "No quotes found.")); return; }
  const groups = new Map();
  quotes.forEach((q, i) => {
    const key = (q.speaker && (q.speaker.entity || q.speaker.name)) || "";
    if (!groups.has(key)) groups.set(key, { label: speakerLabel(q.speaker), items: [] });
    groups.get(key).items.push([q, i]);
  });
  for (const group of groups.values()) {
    const items = group.items.map(([q, i]) => el("li", {}, itemFor(q, i),
      el("span", { class: "small" }, " ", [q.kind, q.cue && q.cue.text, q.reported_by && `via ${q.reported_by}`]
        .filter(Boolean).join(" · "))));
    container.append(el("h3", {}, group.label), el("ul", {}, items));
  }
}

function eventLabel(ev) {
  const who = ev.actor ? ev.actor.name : "";
  const whom = ev.target ? ev.target.name : "";
  const action = (ev.negated ? "not " : "") + (ev.action ? ev.action.text : "");
  return [who, action, whom].filter(Boolean).join(" ");
}

function renderTimeline(container, items) {
  clear(container);
  if (!items.length) { container.append(el("li", { class: "empty" }, "No dated events found.")); return; }
  const sorted = [...items].sort((a, b) => (a.ev.date || "9999").localeCompare(b.ev.date || "9999") || a.i - b.i);
  for (const { ev, i } of sorted) {
    const basis = ev.date_basis && ev.date_basis !== "explicit" ? ` (${ev.date_basis})` : "";
    container.append(el("li", {},
      el("time", ev.date ? { datetime: ev.date } : {}, (ev.date || "undated") + basis),
      highlighter(`ev-${i}`, eventLabel(ev)),
      ev.action && ev.action.category ? el("span", { class: "small" }, ` · ${ev.action.category}`) : null));
  }
}

function renderEntities(entities) {
  const container = clear($("entity-groups"));
  if (!entities.length) { container.append(el("p", { class: "empty" }, "No entities found.")); return; }
  const byLabel = new Map();
  entities.forEach((ent, i) => {
    if (!byLabel.has(ent.label)) byLabel.set(ent.label, []);
    byLabel.get(ent.label).push([ent, i]);
  });
  for (const [label, items] of byLabel) {
    items.sort((a, b) => b[0].mentions.length - a[0].mentions.length);
    container.append(el("h3", {}, label), el("ul", {}, items.map(([ent, i]) => el("li", {},
      highlighter(`ent-${i}`, ent.name),
      el("span", { class: "small" }, ` ×${ent.mentions.length}`,
        [ent.role, ent.affiliation, ent.country].filter(Boolean).map((x) => ` · ${x}`).join(""))))));
  }
}

// ---- the store: choose an article, stories ----

async function loadStorePicker() {
  if (!state.health || !state.health.store) return;
  try {
    const rows = await api("/articles?limit=100");
    if (!rows.length) return;
    const select = clear($("store-article"));
    for (const row of rows) {
      const label = [row.published, row.source, row.title || `article ${row.id}`].filter(Boolean).join(" · ");
      select.append(el("option", { value: row.id }, label));
    }
    $("store-picker").hidden = false;
    $("nav-stories").hidden = false;
  } catch (err) {
    setStatus(`The store could not be read: ${err.message}`);
  }
}

function showView(name) {
  $("input-view").hidden = name !== "input";
  $("result").hidden = name !== "input" || !state.article;
  $("stories-view").hidden = name !== "stories";
  $("story-view").hidden = name !== "story";
}

async function openStoredArticle(id) {
  showView("input");
  setStatus("Loading the article…");
  try {
    renderArticle(await api(`/articles/${encodeURIComponent(id)}`));
    setStatus("");
    $("result-title").scrollIntoView({ block: "start" });
  } catch (err) { setStatus(""); showError(err.message); }
}

async function openStories() {
  showView("stories");
  const list = clear($("story-list"));
  try {
    const rows = await api("/stories?limit=100");
    if (!rows.length) list.append(el("li", { class: "empty" }, "No stories yet."));
    for (const row of rows) {
      list.append(el("li", {}, el("a", { href: `#story=${row.id}` }, row.title || `Story ${row.id}`),
        el("span", { class: "small" }, ` · ${row.articles} articles · ${row.first_published || "?"} – ${row.last_published || "?"}`)));
    }
  } catch (err) { showError(err.message); }
}

async function openStory(id) {
  showView("story");
  try {
    const story = await api(`/stories/${encodeURIComponent(id)}`);
    $("story-title").textContent = story.title || `Story ${story.id}`;
    $("story-meta").textContent = [`${story.articles.length} articles`, story.sources.join(", "),
      [story.first_published, story.last_published].filter(Boolean).join(" – ")].filter(Boolean).join(" · ");
    const points = clear($("story-point-list"));
    for (const kp of story.key_points) {
      points.append(el("li", {}, kp.text, " ", el("a", { href: `#article=${kp.article}`, class: "small" }, "(source)")));
    }
    const timeline = clear($("story-timeline"));
    if (!story.timeline.length) timeline.append(el("li", { class: "empty" }, "No dated events."));
    for (const entry of story.timeline) {
      const what = [entry.actor, (entry.negated ? "not " : "") + (entry.action || ""), entry.target].filter(Boolean).join(" ");
      timeline.append(el("li", {}, el("time", entry.date ? { datetime: entry.date } : {}, entry.date || "undated"),
        entry.articles.length ? el("a", { href: `#article=${entry.articles[0]}` }, what) : what,
        el("span", { class: "small" }, ` · ${entry.sources.join(", ")}`)));
    }
    const articles = clear($("story-articles"));
    for (const a of story.articles) {
      articles.append(el("li", {}, el("a", { href: `#article=${a.id}` }, a.title || `Article ${a.id}`),
        el("span", { class: "small" }, ` · ${[a.published, a.sources.join(", ")].filter(Boolean).join(" · ")}`)));
    }
    renderQuotes($("story-quotes"), story.quotes.filter((q) => q.content),
      (q) => el("a", { href: `#article=${q.article}` }, `“${q.content.text}”`));
  } catch (err) { showError(err.message); }
}

async function search(event) {
  event.preventDefault();
  showError("");
  const query = $("search-query").value.trim();
  const list = clear($("search-results"));
  list.hidden = !query;
  if (!query) return;
  try {
    const hits = await api(`/search?q=${encodeURIComponent(query)}&limit=20`);
    if (!hits.length) list.append(el("li", { class: "empty" }, "Nothing found."));
    for (const hit of hits) {
      list.append(el("li", {}, el("a", { href: `#article=${hit.id}` }, hit.title || `Article ${hit.id}`),
        el("span", { class: "small" }, ` · ${[hit.published, hit.source].filter(Boolean).join(" · ")}`),
        el("br"), el("span", { class: "small" }, hit.snippet || "")));
    }
    setStatus(`${hits.length} found.`);
  } catch (err) { showError(err.message); }
}

function route() {
  showError("");
  setStatus("");
  const hash = decodeURIComponent(location.hash.slice(1));
  const [name, id] = hash.split("=");
  if (name === "stories") return openStories();
  if (name === "story" && id) return openStory(id);
  if (name === "article" && id) return openStoredArticle(id);
  showView("input");
  return null;
}

// ---- analysing ----

async function analyze(event) {
  event.preventDefault();
  showError("");
  const text = $("article-text").value;
  const url = $("article-url").value.trim();
  if (!text.trim() && !url) { showError("Paste an article (or give a link) first."); $("article-text").focus(); return; }
  const body = { style: $("article-style").value };
  if (text.trim()) body.text = text; else body.url = url;
  if ($("article-title").value.trim()) body.title = $("article-title").value.trim();
  if ($("article-published").value) body.published = $("article-published").value;
  const headers = { "Content-Type": "application/json" };
  const token = $("api-token").value;
  if (token) headers.Authorization = `Bearer ${token}`;
  const button = $("analyze-button");
  button.disabled = true;
  setStatus("Analysing…");
  try {
    const data = await api("/analyze", { method: "POST", headers, body: JSON.stringify(body) });
    renderArticle(data);
    setStatus(`Analysed: ${(data.key_points || []).length} key points.`);
    $("key-points-heading").scrollIntoView({ block: "start" });
  } catch (err) {
    setStatus("");
    showError(err.message);
  } finally {
    button.disabled = false;
  }
}

async function start() {
  $("analyze-form").addEventListener("submit", analyze);
  $("search-form").addEventListener("submit", search);
  $("store-picker").addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `article=${$("store-article").value}`;
  });
  window.addEventListener("hashchange", route);
  try {
    state.health = await api("/health");
    $("token-row").hidden = !state.health.token_required;
    $("url-row").hidden = !state.health.url_fetch;
  } catch (err) {
    showError(`The server did not answer: ${err.message}`);
  }
  await loadStorePicker();
  route();
  document.body.dataset.ready = "true";
}

start();
