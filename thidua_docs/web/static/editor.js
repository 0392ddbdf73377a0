// The editor: the form's values kept as the directive's JSON, the body as an outline,
// live validation and preview through the desk's JSON endpoints. No library.
"use strict";

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
const json = (id) => JSON.parse(document.getElementById(id).textContent);

const doc = json("doc-data");
const meta = json("doc-meta");
const unsure = json("doc-unsure");
const M = meta.messages;
const csrf = $('meta[name="csrf-token"]').content;
let version = meta.version;
let dirty = false;
let sequence = 0;

// --- paths: "body[0].content[1].value" ------------------------------------------------------

function tokens(path) {
  const result = [];
  path.replace(/([^.[\]]+)|\[(\d+)\]/g, (_, key, index) => {
    result.push(index !== undefined ? Number(index) : key);
  });
  return result;
}

function getPath(path) {
  return tokens(path).reduce((node, key) => (node == null ? undefined : node[key]), doc);
}

function setPath(path, value) {
  const keys = tokens(path);
  let node = doc;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] == null || typeof node[key] !== "object") {
      node[key] = typeof keys[i + 1] === "number" ? [] : {};
    }
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}

// --- the fixed fields -------------------------------------------------------------------

function readField(element) {
  const kind = element.dataset.kind;
  if (kind === "checks") {
    return $$("input:checked", element).map((box) => box.value);
  }
  const text = element.value;
  if (kind === "lines" || kind === "list") {
    const lines = text.split("\n").filter((line) => line.trim() !== "");
    if (!lines.length) return null;
    const before = getPath(element.dataset.path);
    return kind === "lines" && lines.length === 1 && !Array.isArray(before) ? lines[0] : lines;
  }
  return text === "" ? null : text;
}

$$("#editor [data-path]").forEach((element) => {
  if (element.closest("#outline")) return;
  element.addEventListener(element.tagName === "SELECT" || element.dataset.kind === "checks"
    ? "change" : "input", () => {
    setPath(element.dataset.path, readField(element));
    changed();
  });
});

// --- the outline of the body ---------------------------------------------------------------

function kindOf(block) {
  if (typeof block === "string") return "paragraph";
  if (block && typeof block === "object") {
    for (const key of ["section", "items", "bullets", "indicators"]) {
      if (key in block) return key;
    }
  }
  return "other";
}

function newBlock(kind) {
  switch (kind) {
    case "section": return { section: "", content: [] };
    case "items": return { items: [""] };
    case "bullets": return { bullets: [""] };
    case "indicators": return { indicators: [{ name: "", value: "" }] };
    default: return "";
  }
}

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") element.className = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) element.setAttribute(key, value);
  }
  children.flat(Infinity).forEach((child) => element.append(child));
  return element;
}

function problemBox(path) {
  return el("div", { class: "problem", "data-problem-for": path, "aria-live": "polite" });
}

function input(path, value, onValue, { area = false, label = "", size } = {}) {
  const attributes = { "data-outline-path": path, "aria-label": label, placeholder: label };
  const element = area ? el("textarea", { ...attributes, rows: 2 })
    : el("input", { ...attributes, type: "text", size });
  element.value = value == null ? "" : String(value);
  element.addEventListener("input", () => { onValue(element.value); changed(); });
  return element;
}

function button(text, title, action) {
  return el("button", { type: "button", title, "aria-label": title, class: "op",
    onclick: () => { action(); renderOutline(); changed(); } }, text);
}

function moves(list, index) {
  const ops = [
    button("↑", M.up, () => { if (index > 0) list.splice(index - 1, 0, list.splice(index, 1)[0]); }),
    button("↓", M.down, () => { if (index < list.length - 1) list.splice(index + 1, 0, list.splice(index, 1)[0]); }),
    button("✕", M.remove, () => list.splice(index, 1)),
  ];
  return el("span", { class: "ops" }, ops);
}

function indentOps(list, index, parentList, parentIndex) {
  const ops = [];
  const previous = list[index - 1];
  if (previous && kindOf(previous) === "section") {
    ops.push(button("→", M.indent, () => {
      previous.content = previous.content || [];
      previous.content.push(list.splice(index, 1)[0]);
    }));
  }
  if (parentList) {
    ops.push(button("←", M.outdent, () => {
      parentList.splice(parentIndex + 1, 0, list.splice(index, 1)[0]);
    }));
  }
  return ops;
}

function adder(list, kinds = ["section", "paragraph", "items", "bullets", "indicators"]) {
  const select = el("select", { "aria-label": M.add, class: "add-kind" },
    kinds.map((kind) => el("option", { value: kind }, M[kind])));
  return el("div", { class: "adder" }, select,
    button("+ " + M.add, M.add, () => list.push(newBlock(select.value))));
}

function label(path) {
  return el("span", { class: "label", "data-label-for": path });
}

function renderBlocks(list, path, parentList, parentIndex) {
  const container = el("div", { class: "blocks" });
  list.forEach((block, index) => {
    const here = `${path}[${index}]`;
    const kind = kindOf(block);
    const head = el("div", { class: "block-head" }, el("span", { class: "kind" }, M[kind]),
      moves(list, index), indentOps(list, index, parentList, parentIndex));
    const box = el("div", { class: `block block-${kind}`, "data-path": here }, head);
    if (kind === "paragraph") {
      box.append(input(here, block, (value) => { list[index] = value; }, { area: true, label: M.paragraph }));
    } else if (kind === "section") {
      box.append(el("div", { class: "section-title" }, label(here),
        input(`${here}.section`, block.section, (value) => { block.section = value; }, { label: M.section }),
        el("label", { class: "check" }, checkbox(block.inline, (value) => {
          if (value) block.inline = true; else delete block.inline;
        }), " " + M.inline)), problemBox(`${here}.section`));
      block.content = block.content || [];
      box.append(renderBlocks(block.content, `${here}.content`, list, index));
    } else if (kind === "items" || kind === "bullets") {
      box.append(renderEntries(block[kind], `${here}.${kind}`, kind));
    } else if (kind === "indicators") {
      const form = el("select", { "data-outline-path": `${here}.form`, "aria-label": M.form },
        ["list", "inline", "table"].map((name) => el("option", { value: name }, M[`form_${name}`])));
      form.value = block.form || "list";
      form.addEventListener("change", () => {
        if (form.value === "list") delete block.form; else block.form = form.value;
        changed();
      });
      head.append(el("label", {}, M.form + " ", form));
      box.append(renderIndicators(block.indicators, `${here}.indicators`));
    } else {
      box.append(el("pre", { class: "raw" }, JSON.stringify(block, null, 2)));
    }
    box.append(problemBox(here));
    container.append(box);
  });
  container.append(adder(list));
  return container;
}

function checkbox(checked, onValue, attributes = {}) {
  const box = el("input", { type: "checkbox", ...attributes });
  box.checked = Boolean(checked);
  box.addEventListener("change", () => { onValue(box.checked); changed(); });
  return box;
}

function renderEntries(entries, path, kind) {
  const container = el("div", { class: "entries" });
  entries.forEach((entry, index) => {
    const here = `${path}[${index}]`;
    const isObject = entry && typeof entry === "object";
    const text = isObject ? entry.text : entry;
    const row = el("div", { class: "entry", "data-path": here }, label(here),
      input(isObject ? `${here}.text` : here, text, (value) => {
        if (isObject) entry.text = value; else entries[index] = value;
      }, { area: true, label: M.entry }), moves(entries, index), problemBox(here));
    if (isObject) {
      entry.content = entry.content || [];
      row.append(renderBlocks(entry.content, `${here}.content`));
    } else {
      row.append(button("+…", M.add, () => { entries[index] = { text: entry, content: [""] }; }));
    }
    container.append(row);
  });
  container.append(button("+ " + M.entry, M.add, () => entries.push("")));
  return container;
}

function renderIndicators(indicators, path) {
  const table = el("table", { class: "indicators" });
  const columns = [[M.name, "c-name"], [M.qualifier, "c-qualifier"], [M.value, "c-value"],
    [M.unit, "c-unit"], [M.previous, "c-previous"], [M.needs_update, "c-update"], ["", "c-ops"]];
  table.append(el("thead", {}, el("tr", {}, columns.map(([title, name]) =>
    el("th", { class: name }, title)))));
  const body = el("tbody");
  indicators.forEach((indicator, index) => {
    const here = `${path}[${index}]`;
    if (typeof indicator === "string") {
      body.append(el("tr", { "data-path": here }, el("td", { colspan: 6 },
        input(here, indicator, (value) => { indicators[index] = value; }, { area: true, label: M.text }),
        problemBox(here)), el("td", {}, moves(indicators, index))));
      return;
    }
    const row = el("tr", { "data-path": here, class: indicator.needs_update ? "pending" : "" });
    const update = checkbox(indicator.needs_update, (value) => {
      if (value) indicator.needs_update = true; else delete indicator.needs_update;
      row.classList.toggle("pending", value);
    }, { "data-outline-path": `${here}.needs_update`, "aria-label": M.needs_update });
    const cell = (key, options = {}) => el("td", {},
      input(`${here}.${key}`, indicator[key], (value) => {
        indicator[key] = value === "" ? null : value;
        if (key === "value" && indicator.needs_update) {
          delete indicator.needs_update; update.checked = false; row.classList.remove("pending");
        }
      }, { label: M[key], ...options }), problemBox(`${here}.${key}`));
    const first = "text" in indicator && !("name" in indicator)
      ? el("td", {}, input(`${here}.text`, indicator.text, (value) => { indicator.text = value; },
        { area: true, label: M.text }), problemBox(`${here}.text`))
      : cell("name");
    const values = indicator.parts ? [el("td", { colspan: 2 },
      renderParts(indicator.parts, `${here}.parts`))] : [cell("value", { size: 8 }),
      cell("unit", { size: 8 })];
    if (indicator.of_which) {
      values[values.length - 1].append(el("div", { class: "of-which" }, M.of_which + ":",
        renderParts(indicator.of_which, `${here}.of_which`)));
    }
    row.append(first, cell("qualifier", { size: 8 }), ...values,
      el("td", { class: "previous" }, indicator.previous == null
      ? "" : String(indicator.previous)), el("td", {}, update),
      el("td", {}, moves(indicators, index), problemBox(here)));
    body.append(row);
  });
  table.append(body);
  return el("div", { class: "indicator-list" }, table,
    button("+ " + M.indicators, M.add, () => indicators.push({ name: "", value: "" })));
}

function renderParts(parts, path) {
  return el("div", { class: "parts" }, parts.map((part, index) => {
    const here = `${path}[${index}]`;
    return el("div", { class: "part", "data-path": here },
      ["name", "qualifier", "value", "unit"].map((key) => [
        input(`${here}.${key}`, part[key], (value) => { part[key] = value === "" ? null : value; },
          { label: M[key], size: key === "name" ? 20 : 6 }), problemBox(`${here}.${key}`)]),
      part.previous == null ? "" : el("span", { class: "previous" }, `(${M.previous}: ${part.previous})`));
  }));
}

function renderAppendices() {
  const appendices = Array.isArray(doc.appendices) ? doc.appendices : [];
  const container = el("div", { class: "blocks" });
  appendices.forEach((appendix, index) => {
    const here = `appendices[${index}]`;
    appendix.content = Array.isArray(appendix.content) ? appendix.content : [];
    container.append(el("div", { class: "block block-section", "data-path": here },
      el("div", { class: "block-head" }, el("span", { class: "kind" }, M.appendix),
        moves(appendices, index)),
      el("div", { class: "section-title" },
        input(`${here}.title`, appendix.title, (value) => { appendix.title = value; }, { label: M.title }),
        el("label", { class: "check" }, checkbox(appendix.landscape, (value) => {
          appendix.landscape = value;
        }), " " + M.landscape)), problemBox(`${here}.title`),
      renderBlocks(appendix.content, `${here}.content`), problemBox(here)));
  });
  container.append(button("+ " + M.appendix, M.add, () => {
    doc.appendices = appendices;
    appendices.push({ title: "", content: [{ indicators: [{ name: "", value: "" }], form: "table" }] });
  }));
  return container;
}

function renderOutline() {
  const outline = $("#outline");
  doc.body = Array.isArray(doc.body) ? doc.body : [];
  outline.replaceChildren(renderBlocks(doc.body, "body"));
  $("#appendices").replaceChildren(renderAppendices());
  markUnsure();
  showState(lastState);
}

function markUnsure() {
  for (const [path, note] of Object.entries(unsure)) {
    const target = $(`[data-field="${CSS.escape(path)}"]`) || $(`[data-path="${CSS.escape(path)}"]`)
      || $$("[data-field], [data-path]").find((node) => {
        const at = node.dataset.field || node.dataset.path;
        return at.startsWith(`${path}.`) || at.startsWith(`${path}[`);
      });
    if (target) {
      target.classList.add("unsure");
      target.title = M.unsure.replace("{note}", note);
    }
  }
}

// --- validation, preview, save ---------------------------------------------------------

let lastState = json("doc-state");
let timer = null;

function changed() {
  dirty = true;
  $("#notice").textContent = M.unsaved;
  clearTimeout(timer);
  timer = setTimeout(refresh, 250);
}

async function post(url, body) {
  const response = await fetch(url, { method: "POST", body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf } });
  let answer = {};
  try { answer = await response.json(); } catch (error) { answer = { error: response.statusText }; }
  return { status: response.status, answer };
}

function nearestBox(field) {
  let path = field;
  while (path) {
    const box = $(`[data-problem-for="${CSS.escape(path)}"]`);
    if (box) return box;
    const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
    path = cut > 0 ? path.slice(0, cut) : "";
  }
  return null;
}

function showState(state) {
  if (!state) return;
  lastState = state;
  $$(".problem").forEach((box) => { box.textContent = ""; });
  $$(".has-problem").forEach((node) => node.classList.remove("has-problem"));
  const general = $("#general-problems");
  general.replaceChildren();
  for (const problem of state.problems || []) {
    const box = problem.field ? nearestBox(problem.field) : null;
    const target = box || general;
    target.append(el("div", { class: "problem-line" }, problem.message));
    if (box && box.parentElement) box.parentElement.classList.add("has-problem");
  }
  if ((state.problems || []).length) {
    general.prepend(el("p", { class: "summary" }, M.problems.replace("{count}", state.problems.length)));
  }
  $$("[data-label-for]").forEach((span) => {
    const text = (state.labels || {})[span.dataset.labelFor];
    if (text !== undefined) span.textContent = text;
  });
  if (state.symbol) $("#symbol").textContent = state.symbol;
  if (state.signature) $("#signature-lines").textContent = state.signature.join("\n");
}

async function refresh() {
  const mine = ++sequence;
  const { answer } = await post(`/api/validate/${encodeURIComponent(meta.name)}`, { data: doc });
  if (mine !== sequence) return;
  showState(answer);
  if (!(answer.problems || []).length) preview(mine);
}

async function preview(mine) {
  const status = $("#preview-status");
  status.textContent = M.wait;
  const { status: code, answer } = await post(`/api/preview/${encodeURIComponent(meta.name)}`, { data: doc });
  if (mine !== sequence) return;
  if (code !== 200) { status.textContent = answer.error || ""; return; }
  const pictures = await Promise.all(answer.pages.map((url, index) => new Promise((resolve) => {
    const picture = new Image();
    picture.alt = `${index + 1}`;
    picture.className = "page";
    picture.onload = picture.onerror = () => resolve(picture);
    picture.src = url;
  })));
  if (mine !== sequence) return;
  $("#pages").replaceChildren(...pictures);
  $("#pages").dataset.key = answer.key;
  status.textContent = "";
}

async function save(resolve) {
  const { status, answer } = await post(`/api/save/${encodeURIComponent(meta.name)}`,
    { data: doc, version, resolve });
  const box = $("#conflict");
  if (status === 409) {
    $("#conflict-text").textContent = answer.error;
    $("#conflict-overwrite").textContent = answer.overwrite;
    $("#conflict-copy").textContent = answer.copy;
    box.hidden = false;
    return;
  }
  box.hidden = true;
  if (status !== 200) { $("#notice").textContent = answer.error || ""; return; }
  if (answer.redirect) { dirty = false; window.location.assign(answer.redirect); return; }
  version = answer.version;
  dirty = false;
  $("#notice").textContent = answer.notice;
  showState(answer);
}

$("#save").addEventListener("click", () => save());
$("#conflict-overwrite").addEventListener("click", () => save("overwrite"));
$("#conflict-copy").addEventListener("click", () => save("copy"));
window.addEventListener("beforeunload", (event) => {
  if (dirty) { event.preventDefault(); event.returnValue = ""; }
});

renderOutline();
preview(++sequence);
