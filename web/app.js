// SPDX-License-Identifier: MIT
// The dashboard's behaviour: tabs (WAI-ARIA keyboard pattern), the load and activity sections (charts.js)
// and uploads with progress; today.js, plan.js and rehab.js fill their own sections (common.js shares the
// helpers). Every piece of data reaches the page through textContent, never innerHTML.
'use strict';

(() => {
  const state = Stride.state;
  Object.assign(state, { activities: [], showAll: false, loaded: {} });
  const kListLimit = 100;
  const { $, el, api, showError, distance, pace } = Stride;

  // --- token: given once as #token=... in the address, kept for this tab only ---
  function readToken() {
    const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem('stride-token', decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem('stride-token');
  }

  function authHeaders() { return state.token ? { Authorization: 'Bearer ' + state.token } : {}; }

  // --- tabs ---
  const tabs = () => Array.from(document.querySelectorAll('[role="tab"]'));

  function selectTab(tab, focus) {
    for (const t of tabs()) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    const name = tab.id.replace('tab-', '');
    if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
    load(name);
  }

  function onTabKey(event) {
    const list = tabs();
    const i = list.indexOf(event.currentTarget);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: list.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(list[(next + list.length) % list.length], true);
  }

  // --- sections ---
  async function load(name) {
    if (state.loaded[name]) return;
    state.loaded[name] = true;
    try {
      if (name === 'load') await loadLoad();
      else if (name === 'activities') await loadActivities();
      else if (Stride.sections[name]) await Stride.sections[name]();
    } catch (e) {
      state.loaded[name] = false;
      showError(e.status === 401 ? 'This server needs a token: open the address with #token=YOUR_TOKEN.' : e.message);
    }
  }

  function card(label, value, hint) {
    return el('div', { class: 'card' }, el('span', { class: 'card-label' }, label),
              el('span', { class: 'card-value' }, value), el('span', { class: 'card-hint' }, hint));
  }

  async function loadLoad() {
    const report = await api('/api/load');
    const days = report.days || [];
    const last = days[days.length - 1];
    const cards = $('load-cards');
    cards.textContent = '';
    if (last) {
      cards.append(card('Fitness (CTL)', last.ctl.toFixed(1), '42-day load average'),
                   card('Fatigue (ATL)', last.atl.toFixed(1), '7-day load average'),
                   card('Form (TSB)', last.tsb.toFixed(1), 'fitness minus fatigue'),
                   card('ACWR', last.acwr == null ? '–' : last.acwr.toFixed(2), 'context only'));
    }
    $('load-note').textContent = report.heart_rate_note || '';
    StrideCharts.weeklyBars($('chart-weekly'), report.weeks || [], state.units);
    StrideCharts.fitnessLines($('chart-fitness'), days);
    StrideCharts.acwrChart($('chart-acwr'), days);
    const flags = $('load-flags');
    flags.textContent = '';
    for (const f of report.flags || []) {
      flags.append(el('li', { class: 'flag flag-' + f.level }, el('strong', {}, f.date + ' '), f.message,
                      el('span', { class: 'source' }, ' [' + f.source + ']')));
    }
    if (!flags.children.length) flags.append(el('li', {}, 'No flags in this period.'));
  }

  async function loadActivities() {
    state.activities = (await api('/api/activities')).reverse();  // newest first
    renderActivityList();
  }

  function renderActivityList() {
    const list = $('activity-list');
    list.textContent = '';
    const shown = state.showAll ? state.activities : state.activities.slice(0, kListLimit);
    for (const a of shown) {
      const seconds = a.timer_s != null ? a.timer_s : a.elapsed_s;
      const perKm = a.distance_m > 0 && seconds > 0 ? seconds / (a.distance_m / 1000) : null;
      const button = el('button', { type: 'button', class: 'activity', 'data-id': String(a.id) },
                        el('span', { class: 'activity-date' }, a.local_date),
                        el('span', { class: 'activity-name' }, a.name || a.source || a.sport),
                        el('span', { class: 'activity-stats' },
                           distance(a.distance_m) + ' · ' + StrideCharts.formatDuration(seconds) + ' · ' + pace(perKm)));
      button.addEventListener('click', () => showActivity(a.id, button));
      list.append(el('li', {}, button));
    }
    $('activity-count').textContent = state.activities.length + ' activities';
    $('activity-more').hidden = state.showAll || state.activities.length <= kListLimit;
  }

  async function showActivity(id, button) {
    for (const b of document.querySelectorAll('.activity[aria-current]')) b.removeAttribute('aria-current');
    button.setAttribute('aria-current', 'true');
    const a = await api('/api/activities/' + encodeURIComponent(id)).catch(e => { showError(e.message); return null; });
    if (!a) return;
    const detail = $('activity-detail');
    detail.hidden = false;
    $('activity-title').textContent = (a.name || a.source) + ' — ' + a.local_date;
    const facts = $('activity-facts');
    facts.textContent = '';
    const seconds = a.timer_s != null ? a.timer_s : a.elapsed_s;
    const rows = [['Sport', a.sport], ['Distance', distance(a.distance_m)], ['Time', StrideCharts.formatDuration(seconds)],
      ['Pace', pace(a.distance_m > 0 ? seconds / (a.distance_m / 1000) : null)],
      ['Heart rate', a.avg_hr == null ? '–' : Math.round(a.avg_hr) + ' avg / ' + Math.round(a.max_hr) + ' max'],
      ['Source', a.source]];
    for (const [k, v] of rows) facts.append(el('dt', {}, k), el('dd', {}, v));
    const s = a.streams;
    StrideCharts.activityLine($('chart-pace'), s, 'pace_s_per_km', 'Pace', '#1f6feb', v => pace(v), state.units);
    StrideCharts.activityLine($('chart-hr'), s, 'heart_rate_bpm', 'Heart rate', '#d1242f',
                              v => v == null ? '–' : Math.round(v) + ' bpm', state.units);
    StrideCharts.activityLine($('chart-elevation'), s, 'altitude_m', 'Elevation', '#1a7f37',
                              v => v == null ? '–' : Math.round(v) + ' m', state.units);
  }

  // --- import ---
  function upload(file) {
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/import?name=' + encodeURIComponent(file.name));
      for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.addEventListener('progress', e => {
        if (e.lengthComputable) $('upload-progress').value = Math.round(100 * e.loaded / e.total);
      });
      xhr.addEventListener('load', () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        resolve({ status: xhr.status, body });
      });
      xhr.addEventListener('error', () => resolve({ status: 0, body: { error: { message: 'connection failed' } } }));
      xhr.send(file);
    });
  }

  function describe(file, result) {
    const b = result.body;
    if (result.status === 200 || result.status === 422) {
      const text = file.name + ': ' + b.imported + ' imported, ' + b.duplicates + ' duplicates, ' +
                   (b.failed || []).length + ' failed';
      const item = el('li', { class: result.status === 200 ? 'ok' : 'failed' }, text);
      const failures = el('ul', {});
      for (const f of b.failed || []) failures.append(el('li', {}, f.error));
      if (failures.children.length) item.append(failures);
      return item;
    }
    return el('li', { class: 'failed' }, file.name + ': ' + ((b.error && b.error.message) || 'HTTP ' + result.status));
  }

  async function importFiles(files) {
    const results = $('import-results');
    $('upload-row').hidden = false;
    for (const file of files) {
      $('upload-label').textContent = 'Uploading ' + file.name;
      $('upload-progress').value = 0;
      results.prepend(describe(file, await upload(file)));
    }
    $('upload-label').textContent = 'Done';
    state.loaded = {};  // activities and load changed
  }

  function setUpImport() {
    const input = $('file-input');
    input.addEventListener('change', () => { importFiles(Array.from(input.files)); input.value = ''; });
    const zone = $('drop-zone');
    zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', e => {
      e.preventDefault();
      zone.classList.remove('over');
      importFiles(Array.from(e.dataTransfer.files));
    });
  }

  // --- start ---
  async function start() {
    state.token = readToken();
    for (const t of tabs()) {
      t.addEventListener('click', () => selectTab(t, false));
      t.addEventListener('keydown', onTabKey);
    }
    $('activity-more').addEventListener('click', () => { state.showAll = true; renderActivityList(); });
    setUpImport();
    try {
      const athlete = await api('/api/athlete');
      state.units = athlete.units || 'km';
      $('athlete-line').textContent = athlete.name ? 'Hello, ' + athlete.name : '';
    } catch (e) {
      if (e.status === 401) showError('This server needs a token: open the address with #token=YOUR_TOKEN.');
      else if (e.status === 404) $('athlete-line').textContent = 'No profile yet: run stride athlete set.';
    }
    state.info = await api('/api/info').catch(() => null);
    // With a plan the page opens on today's prescription; without one, on the training load.
    const today = await api('/api/today').catch(() => null);
    const wanted = tabs().find(t => '#' + t.id.replace('tab-', '') === location.hash);
    selectTab(wanted || $(today && today.has_plan ? 'tab-today' : 'tab-load'), false);
  }

  document.addEventListener('DOMContentLoaded', start);
})();
