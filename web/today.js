// SPDX-License-Identifier: MIT
// The Today section: the whole day from GET /api/today (`stride today --json`): each session's warm-up,
// main set with paces in the runner's units, and cool-down; then stretching, foam rolling (each with a
// countdown timer), strength, recovery and notes, every item with its why and source.
'use strict';

(() => {
  const { $, el, api, distance, duration, pace, itemList } = Stride;
  const kStepNames = { warmup: 'Warm-up', work: 'Work', recovery: 'Recovery', cooldown: 'Cool-down', repeat: 'Repeat' };

  function targetText(target) {
    if (!target) return '';
    if (target.pace_s_per_km) {
      const [slow, fast] = target.pace_s_per_km;
      return ' at ' + pace(fast) + ' to ' + pace(slow);
    }
    if (target.hr) return ' at ' + target.hr[0] + '–' + target.hr[1] + ' bpm';
    return '';
  }

  // One structured step (DESIGN.md "Step"); a repeat holds its own steps.
  function stepElement(step) {
    if (step.type === 'repeat') {
      const inner = el('ol', { class: 'steps' });
      for (const s of step.steps || []) inner.append(stepElement(s));
      return el('li', { class: 'step step-repeat' }, el('span', { class: 'step-name' }, step.count + ' ×'), inner);
    }
    const amount = step.distance_m != null ? distance(step.distance_m) : duration(step.duration_s);
    return el('li', { class: 'step step-' + step.type },
              el('span', { class: 'step-name' }, kStepNames[step.type] || step.type), ' ',
              el('span', { class: 'step-amount' }, amount + targetText(step.target)));
  }

  // A part of a session (warm-up, main set, cool-down): its steps, then its care items.
  function part(title, entries, className) {
    const steps = entries.filter(e => e.type);
    const items = entries.filter(e => e.kind);
    if (!steps.length && !items.length) return null;
    const box = el('div', { class: 'part ' + className }, el('h4', {}, title));
    if (steps.length) {
      const ol = el('ol', { class: 'steps' });
      for (const s of steps) ol.append(stepElement(s));
      box.append(ol);
    }
    if (items.length) box.append(itemList(items, title));
    return box;
  }

  function sessionElement(s) {
    const facts = [s.distance_m ? distance(s.distance_m) : null, s.duration_s ? duration(s.duration_s) : null]
      .filter(Boolean).join(' · ');
    const box = el('article', { class: 'session session-' + s.kind },
                   el('h3', {}, s.title || s.kind.replace(/_/g, ' ')),
                   facts ? el('p', { class: 'session-facts' }, facts) : null,
                   s.description ? el('p', {}, s.description) : null);
    for (const p of [part('Warm-up', s.warmup || [], 'warmup'), part('Main set', s.main || [], 'main'),
                     part('Cool-down', s.cooldown || [], 'cooldown')]) {
      if (p) box.append(p);
    }
    return box;
  }

  // A titled group of the day's care items, or nothing when empty.
  function group(id, title, items) {
    if (!items.length) return null;
    return el('section', { class: 'care-group', id: id, 'aria-labelledby': id + '-title' },
              el('h3', { id: id + '-title' }, title), itemList(items, title));
  }

  function headline(day) {
    const date = new Date(day.date + 'T12:00:00Z');
    const parts = [date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' }) + ' ' + day.date];
    if (day.week != null) parts.push('week ' + day.week + (day.phase ? ' (' + day.phase + ')' : ''));
    if (day.days_to_race != null && day.days_to_race >= 0) parts.push(day.days_to_race + ' days to race');
    return parts.join(', ');
  }

  function render(day) {
    const box = $('today-content');
    box.textContent = '';
    box.append(el('p', { class: 'today-date', id: 'today-date' }, headline(day)));
    for (const s of day.sessions || []) box.append(sessionElement(s));
    const mobility = day.mobility || [];
    const rolling = mobility.filter(i => i.kind === 'foam_rolling');
    const stretching = mobility.filter(i => i.kind !== 'foam_rolling');
    for (const g of [group('today-stretching', 'Stretching and mobility', stretching),
                     group('today-rolling', 'Foam rolling', rolling),
                     group('today-strength', 'Strength', day.strength || []),
                     group('today-recovery', 'Recovery', day.recovery || [])]) {
      if (g) box.append(g);
    }
    const notes = day.notes || [];
    if (notes.length) {
      const ul = el('ul', { class: 'notes' });
      for (const n of notes) ul.append(el('li', {}, n.text, n.source ? el('span', { class: 'source' }, ' [' + n.source + ']') : null));
      box.append(el('section', { class: 'care-group', 'aria-label': 'Notes' }, el('h3', {}, 'Notes'), ul));
    }
    const tomorrow = (day.tomorrow || []).map(t => (t.title || t.kind) + (t.distance_m ? ' ' + distance(t.distance_m) : ''));
    if (tomorrow.length) box.append(el('p', { class: 'note' }, 'Tomorrow: ' + tomorrow.join(', ')));
  }

  Stride.sections.today = async () => render(await api('/api/today'));
})();
