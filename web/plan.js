// SPDX-License-Identifier: MIT
// The Plan section: a calendar of the plan's weeks from GET /api/plan (`stride plan show --json`): each
// week's phase (base, build, peak, taper, race, rehab, return), its days and sessions, and the running
// done against the planned distance, with the current week highlighted.
'use strict';

(() => {
  const { $, el, api, distance, duration } = Stride;
  const kDay = 86400000;
  const kPhaseNames = { base: 'Base', build: 'Build', peak: 'Peak', taper: 'Taper', race: 'Race week',
                        rehab: 'Rehab', return: 'Return to run' };

  const parse = date => Date.parse(date + 'T00:00:00Z');
  const weekday = date => new Date(parse(date)).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });

  function sessionText(s) {
    const name = s.title || s.kind.replace(/_/g, ' ');
    if (s.kind === 'rest') return name;
    return name + (s.distance_m ? ' ' + distance(s.distance_m) : s.duration_s ? ' ' + duration(s.duration_s) : '');
  }

  function dayElement(day, asOf) {
    const li = el('li', { class: 'day' + (day.date === asOf ? ' today' : '') },
                  el('span', { class: 'day-date' }, weekday(day.date) + ' ' + day.date.slice(5)));
    if (day.date === asOf) li.setAttribute('aria-current', 'date');
    for (const s of day.sessions || []) {
      li.append(el('span', { class: 'day-session kind-' + s.kind }, sessionText(s)));
    }
    return li;
  }

  // A week runs from its start to the next week's start (the first week may be short).
  function weekElement(week, next, asOf) {
    const start = parse(week.start);
    const end = next ? parse(next.start) : start + 7 * kDay;
    const current = parse(asOf) >= start && parse(asOf) < end;
    const past = parse(asOf) >= end;
    const planned = week.planned_distance_m || 0;
    const done = week.done_distance_m || 0;
    const title = 'Week ' + (week.index + 1) + ' · ' + (kPhaseNames[week.phase] || week.phase);
    const li = el('li', { class: 'week phase-' + week.phase + (current ? ' current' : '') + (past ? ' past' : ''),
                          'data-phase': week.phase },
                  el('h3', {}, title, el('span', { class: 'week-start' }, ' from ' + week.start)));
    if (current) {
      li.setAttribute('aria-current', 'true');
      li.querySelector('h3').append(el('span', { class: 'badge' }, 'this week'));
    }
    const meter = el('meter', { min: '0', max: String(Math.max(planned, done, 1)), value: String(done),
                                'aria-label': 'Done against planned in week ' + (week.index + 1) });
    li.append(el('p', { class: 'week-volume' }, 'Done ' + distance(done) + ' of ' + distance(planned) + ' planned ', meter));
    const days = el('ol', { class: 'days' });
    for (const d of week.days || []) days.append(dayElement(d, asOf));
    li.append(days);
    return li;
  }

  function header(plan) {
    const race = plan.race || {};
    const goal = race.goal_time_s != null ? 'goal ' + duration(race.goal_time_s) : 'goal: to finish';
    const box = el('div', { class: 'plan-head' },
                   el('p', { id: 'plan-race' }, 'Race on ' + race.date + ' (' + distance(race.distance_m) + '), ' + goal +
                      '. Version ' + plan.version + ': ' + plan.reason + '.'));
    const warnings = plan.warnings || [];
    if (warnings.length) {
      const ul = el('ul', { class: 'warnings', 'aria-label': 'Plan warnings' });
      for (const w of warnings) ul.append(el('li', {}, w));
      box.append(ul);
    }
    return box;
  }

  function render(plan) {
    const box = $('plan-content');
    box.textContent = '';
    box.append(header(plan));
    const weeks = el('ol', { class: 'weeks', id: 'plan-weeks', 'aria-label': 'Weeks of the plan' });
    const list = plan.weeks || [];
    list.forEach((w, i) => weeks.append(weekElement(w, list[i + 1], plan.as_of)));
    box.append(weeks);
    const current = weeks.querySelector('.week.current');
    if (current) current.scrollIntoView({ block: 'nearest' });
  }

  Stride.sections.plan = async () => {
    try {
      render(await api('/api/plan'));
    } catch (e) {
      if (e.status !== 404) throw e;
      const box = $('plan-content');
      box.textContent = '';
      box.append(el('p', { class: 'placeholder' }, e.message));
    }
  };
})();
