// SPDX-License-Identifier: MIT
// What every part of the dashboard shares: the API client (with the token), safe element building
// (strings always become text nodes, never HTML), the runner's units, care-item doses and the per-item
// countdown timers. Each section script (today.js, plan.js, rehab.js) registers its loader in
// Stride.sections; app.js runs the tabs.
'use strict';

const Stride = (() => {
  const state = { token: null, units: 'km', info: null };
  const sections = {};
  const $ = id => document.getElementById(id);

  function authHeaders() { return state.token ? { Authorization: 'Bearer ' + state.token } : {}; }

  // GET `path`, or send `options.json` with `options.method`. Resolves with the JSON body; rejects with an
  // Error carrying the server's message, `status` and `where`.
  async function api(path, options) {
    const opts = options || {};
    const headers = authHeaders();
    let body;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    const res = await fetch(path, { method: opts.method || (body ? 'POST' : 'GET'), headers, body });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      const err = new Error((data.error && data.error.message) || ('HTTP ' + res.status));
      err.status = res.status;
      err.where = data.error && data.error.where;
      throw err;
    }
    return data;
  }

  // Builds an element; string children become text nodes (so data is never parsed as HTML).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function showError(text) {
    const box = $('global-error');
    box.textContent = text;
    box.hidden = !text;
  }

  // --- the runner's units ---
  const metresPer = () => (state.units === 'mi' ? 1609.344 : 1000);
  function distance(m) { return m == null ? '–' : (m / metresPer()).toFixed(m >= 10000 ? 1 : 2) + ' ' + state.units; }
  function duration(seconds) {
    if (seconds == null || !isFinite(seconds)) return '–';
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = String(s % 60).padStart(2, '0');
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + rest : m + ':' + rest;
  }
  function pace(secondsPerKm) {
    if (secondsPerKm == null || !isFinite(secondsPerKm)) return '–';
    return duration(secondsPerKm * metresPer() / 1000) + '/' + state.units;
  }

  // --- care items (DESIGN.md "Item") ---
  function doseText(item) {
    let out = '';
    if (item.seconds != null) out = item.seconds + ' s';
    if (item.reps != null) out = item.reps + ' reps';
    if (item.sets != null && item.sets > 1) out = item.sets + ' × ' + out;
    if (item.minutes != null) out = item.minutes + ' min';
    if (item.temperature_c != null) out += ' at ' + item.temperature_c + ' °C';
    if (item.per_side) out += ' per side';
    return out;
  }

  // The countdown of one item, in seconds: its seconds or minutes (per side and per set: one bout).
  function timerSeconds(item) {
    if (item.seconds != null) return item.seconds;
    if (item.minutes != null) return Math.round(item.minutes * 60);
    return null;
  }

  // A start/stop countdown for one bout of `item`; the time left is announced only when it ends.
  function timer(item) {
    const total = timerSeconds(item);
    if (!total) return null;
    let left = total;
    let handle = null;
    const display = el('span', { class: 'timer-left', 'aria-hidden': 'true' }, duration(left));
    const status = el('span', { class: 'visually-hidden', role: 'status' });
    const button = el('button', { type: 'button', class: 'timer-button', 'aria-label': 'Start timer for ' + item.name },
                      'Start');
    const stop = (text) => {
      clearInterval(handle);
      handle = null;
      button.textContent = 'Start';
      button.setAttribute('aria-label', 'Start timer for ' + item.name);
      if (text) status.textContent = text;
    };
    button.addEventListener('click', () => {
      if (handle) return stop(item.name + ' timer stopped at ' + duration(left));
      if (left <= 0) left = total;
      button.textContent = 'Stop';
      button.setAttribute('aria-label', 'Stop timer for ' + item.name);
      display.textContent = duration(left);
      handle = setInterval(() => {
        left -= 1;
        display.textContent = duration(left);
        if (left <= 0) { stop(item.name + ': time is up'); display.textContent = 'done'; }
      }, 1000);
    });
    return el('span', { class: 'timer' }, button, ' ', display, status);
  }

  // One care item: name, dose and timing, a timer when it is timed, and why with its source.
  function itemElement(item) {
    const head = el('div', { class: 'item-head' }, el('span', { class: 'item-name' }, item.name));
    const dose = doseText(item);
    if (dose) head.append(el('span', { class: 'item-dose' }, dose));
    if (item.when) head.append(el('span', { class: 'item-when' }, item.when.replace(/_/g, ' ')));
    const t = timer(item);
    if (t) head.append(t);
    const li = el('li', { class: 'item item-' + item.kind, 'data-kind': item.kind }, head);
    if (item.why) {
      li.append(el('p', { class: 'why' }, el('span', { class: 'why-label' }, 'Why: '), item.why,
                   item.source && !item.why.includes('[' + item.source + ']')
                     ? el('span', { class: 'source' }, ' [' + item.source + ']') : null));
    }
    return li;
  }

  function itemList(items, label) {
    const ul = el('ul', { class: 'items', 'aria-label': label });
    for (const item of items) ul.append(itemElement(item));
    return ul;
  }

  return { state, sections, $, el, api, showError, distance, duration, pace, doseText, itemElement, itemList };
})();
