// SPDX-License-Identifier: MIT
// The Injury & rehab section: GET /api/rehab (`stride rehab --json`) shown as the stage, why, red flags,
// today's routine, what moves the runner on and what sends them back; a pain-log form (POST
// /api/injuries/log) and an injury form (POST /api/injuries), each refreshing the panel when stored.
'use strict';

(() => {
  const { $, el, api, itemList } = Stride;
  const kStageNames = { none: 'No active injury', protect: 'Protect', rehab: 'Rehab', return: 'Return to run',
                        done: 'Back to the plan' };
  let current = null;  // the last rehab report shown

  function list(items, label, render) {
    const ul = el('ul', { 'aria-label': label });
    for (const x of items) ul.append(render(x));
    return ul;
  }

  function block(title, ...content) {
    const box = el('section', { class: 'rehab-block' }, el('h3', {}, title));
    for (const c of content) if (c) box.append(c);
    return box;
  }

  function injuryText(i) {
    return 'Injury #' + i.id + ': ' + i.site + (i.side ? ' (' + i.side + ')' : '') + ', pain ' + i.pain +
           '/10 since ' + i.onset_date;
  }

  function stageLine(r) {
    return el('p', { class: 'stage stage-' + r.stage, id: 'rehab-stage', 'data-stage': r.stage },
              el('strong', {}, 'Stage: ' + (kStageNames[r.stage] || r.stage)),
              r.stop_running ? ' · no running for now' : '', r.stage_since ? ' · since ' + r.stage_since : '');
  }

  function redFlags(r) {
    if (!(r.red_flags || []).length) return null;
    return el('div', { class: 'red-flags', id: 'rehab-red-flags', role: 'alert' },
              el('h3', {}, 'Red flags'), list(r.red_flags, 'Red flags', t => el('li', {}, t)),
              el('p', {}, 'Stop running and see a clinician (doctor or physiotherapist). Stride does not diagnose.'));
  }

  function criteria(r) {
    const items = r.next_stage_criteria || [];
    if (!items.length) return el('p', {}, 'Last stage: back to the plan at reduced volume.');
    return list(items, 'Criteria for the next stage', c =>
      el('li', { class: c.met ? 'met' : 'unmet' }, el('span', { class: 'mark', 'aria-hidden': 'true' }, c.met ? '✓ ' : '○ '),
         el('span', { class: 'visually-hidden' }, c.met ? 'met: ' : 'not yet: '), c.text,
         c.source ? el('span', { class: 'source' }, ' [' + c.source + ']') : null));
  }

  function outlook(r) {
    const o = r.outlook;
    if (!o) return null;
    const parts = [];
    if (o.running_resumes) parts.push('earliest run ' + o.running_resumes);
    if (o.full_training_resumes) parts.push('full training ' + o.full_training_resumes);
    if (o.needs_clinician) parts.push('a clinician must clear the red flags first');
    return parts.length ? el('p', { class: 'outlook' }, 'Outlook: ' + parts.join('; ') + '.') : null;
  }

  function logsTable(logs) {
    if (!(logs || []).length) return null;
    const head = el('tr', {}, ...['Date', 'During', 'After', 'Next morning', 'Walk', 'Hop test'].map(h => el('th', { scope: 'col' }, h)));
    const body = el('tbody', {});
    for (const l of logs) {
      body.append(el('tr', {}, ...[l.date, l.pain_during, l.pain_after, l.pain_next_morning,
        l.walk_min == null ? '–' : l.walk_min + ' min', l.hop_test || '–'].map(v => el('td', {}, v))));
    }
    return el('div', { class: 'table-wrap' }, el('table', { class: 'logs', id: 'rehab-logs' }, el('thead', {}, head), body));
  }

  function render(r) {
    current = r;
    const box = $('rehab-content');
    box.textContent = '';
    box.append(stageLine(r));
    if (r.injury) box.append(el('p', { id: 'rehab-injury' }, injuryText(r.injury)));
    const flags = redFlags(r);
    if (flags) box.append(flags);
    box.append(el('p', { class: 'why', id: 'rehab-why' }, r.why));
    if (r.injury) {
      if (r.no_heat_until) box.append(el('p', { class: 'note' }, 'No sauna or other heat until ' + r.no_heat_until + '.'));
      if (r.walk_run) box.append(el('p', { class: 'note' }, 'Walk-run session: ' + r.walk_run.description));
      box.append(block("Today's routine", (r.routine || []).length ? itemList(r.routine, "Today's routine") : el('p', {}, 'None today.'),
                       (r.notes || []).length ? list(r.notes, 'Notes', n => el('li', {}, n.text, ' [' + n.source + ']')) : null));
      box.append(block('To move on', criteria(r), outlook(r)));
      box.append(block('What sends you back', list(r.regress_if || [], 'What sends you back', t => el('li', {}, t))));
      const logs = logsTable(r.logs);
      if (logs) box.append(block('Pain log', logs));
    }
    for (const o of r.other_injuries || []) {
      box.append(el('p', { class: 'note' }, 'Also: injury #' + o.id + ' (' + o.site + ') in stage ' + o.stage + '.'));
    }
    $('pain-form').hidden = !r.injury;
    $('injury-add').open = !r.injury;
  }

  async function refresh() { render(await api('/api/rehab')); }

  // Posts a form's values; shows the server's message by the form (and marks the field it names).
  async function submit(form, status, path, body, done) {
    for (const f of form.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
    status.className = 'form-status';
    status.textContent = 'Saving…';
    try {
      const result = await api(path, { json: body });
      Stride.state.loaded.today = false;  // the day's prescription follows the injury
      await refresh();
      status.textContent = done(result);
    } catch (e) {
      status.className = 'form-status error';
      status.textContent = e.message;
      const field = e.where && form.querySelector('[name="' + CSS.escape(e.where) + '"]');
      if (field) { field.setAttribute('aria-invalid', 'true'); field.focus(); }
    }
  }

  const number = (form, name) => (form.elements[name].value === '' ? undefined : Number(form.elements[name].value));
  const text = (form, name) => form.elements[name].value || undefined;

  function onPainLog(event) {
    event.preventDefault();
    const f = event.currentTarget;
    const body = { injury: current && current.injury ? current.injury.id : undefined,
                   pain_during: number(f, 'pain_during'), pain_after: number(f, 'pain_after'),
                   pain_next_morning: number(f, 'pain_next_morning'), walk_min: number(f, 'walk_min'),
                   hop_test: text(f, 'hop_test') };
    submit(f, $('pain-status'), '/api/injuries/log', body, r =>
      'Logged' + (r.replaced ? ' (replaced that day\'s earlier log)' : '') + '. Stage: ' + (kStageNames[r.stage] || r.stage) +
      (r.red_flags.length ? ' · red flags: see a clinician' : '') + '.');
  }

  function onAddInjury(event) {
    event.preventDefault();
    const f = event.currentTarget;
    const body = { site: text(f, 'site'), side: text(f, 'side'), pain: number(f, 'pain'), notes: text(f, 'notes') };
    for (const flag of ['pain_night', 'swelling', 'bone_tenderness', 'cannot_bear_weight', 'numbness']) body[flag] = f.elements[flag].checked;
    submit(f, $('injury-status'), '/api/injuries', body, r => 'Recorded injury #' + r.injury.id + '.');
  }

  function fillSites() {
    const select = $('injury-site');
    if (select.options.length > 1) return;
    const sites = (Stride.state.info && Stride.state.info.injury_sites) || [];
    for (const s of sites) select.append(el('option', { value: s }, s.replace(/-/g, ' ')));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('pain-form').addEventListener('submit', onPainLog);
    $('injury-form').addEventListener('submit', onAddInjury);
  });

  Stride.sections.rehab = async () => {
    fillSites();
    await refresh();
  };
})();
