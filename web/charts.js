// SPDX-License-Identifier: MIT
// Chart helpers over uPlot for the dashboard: weekly distance bars, CTL/ATL/TSB lines, ACWR with its
// context band, and per-activity lines. Charts follow their container's width (phones included).
'use strict';

const StrideCharts = (() => {
  // SCIENCE.md B6 [gabbett-2016-paradox]: the 0.8-1.3 "sweet spot", shown as context only, never a rule
  // ([impellizzeri-2021-acwr], [nielsen-2025-spike]).
  const kAcwrBandLow = 0.8;
  const kAcwrBandHigh = 1.3;
  const kHeight = 220;
  const kHalfWeekS = 3.5 * 86400;

  const live = new Map();  // container id -> uPlot

  function widthOf(container) {
    return Math.max(240, Math.floor(container.clientWidth || container.parentElement.clientWidth || 600));
  }

  // Replaces any chart in `container` with a new one.
  function draw(container, opts, data) {
    const old = live.get(container.id);
    if (old) old.destroy();
    container.textContent = '';
    if (typeof uPlot === 'undefined') {
      container.textContent = 'Charts are unavailable (uPlot did not load).';
      return null;
    }
    const chart = new uPlot(Object.assign({ width: widthOf(container), height: kHeight }, opts), data, container);
    live.set(container.id, chart);
    return chart;
  }

  function empty(container, text) {
    const old = live.get(container.id);
    if (old) old.destroy();
    live.delete(container.id);
    container.textContent = text;
  }

  window.addEventListener('resize', () => {
    for (const [id, chart] of live) {
      const container = document.getElementById(id);
      if (container && container.offsetParent !== null) chart.setSize({ width: widthOf(container), height: kHeight });
    }
  });

  function dateToSeconds(text) { return Date.parse(text + 'T00:00:00Z') / 1000; }

  function formatDuration(seconds) {
    if (seconds == null || !isFinite(seconds)) return '–';
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? h + ':' : '') + mm + ':' + String(r).padStart(2, '0');
  }

  const themed = (stroke, fill) => ({ stroke, fill, width: 2, points: { show: false } });

  function weeklyBars(container, weeks, units) {
    if (!weeks.length) return empty(container, 'No weeks with training yet.');
    const per = units === 'mi' ? 1609.344 : 1000;
    const x = weeks.map(w => dateToSeconds(w.start));
    const y = weeks.map(w => w.distance_m / per);
    draw(container, {
      series: [{}, Object.assign(themed('#1f6feb', 'rgba(31,111,235,0.35)'), {
        label: 'Distance (' + units + ')', paths: uPlot.paths.bars({ size: [0.7, 60] }),
        value: (u, v) => v == null ? '–' : v.toFixed(1),
      })],
      // Half a week either side, so the first and last bars show whole.
      scales: { x: { range: (u, min, max) => [min - kHalfWeekS, max + kHalfWeekS] },
                y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [{}, { label: units }],
    }, [x, y]);
  }

  function fitnessLines(container, days) {
    if (!days.length) return empty(container, 'No load history yet.');
    draw(container, {
      series: [{},
        Object.assign(themed('#1f6feb'), { label: 'Fitness (CTL)', value: (u, v) => v == null ? '–' : v.toFixed(1) }),
        Object.assign(themed('#d1242f'), { label: 'Fatigue (ATL)', value: (u, v) => v == null ? '–' : v.toFixed(1) }),
        Object.assign(themed('#1a7f37'), { label: 'Form (TSB)', value: (u, v) => v == null ? '–' : v.toFixed(1) })],
      axes: [{}, {}],
    }, [days.map(d => dateToSeconds(d.date)), days.map(d => d.ctl), days.map(d => d.atl), days.map(d => d.tsb)]);
  }

  function acwrChart(container, days) {
    const known = days.filter(d => d.acwr != null);
    if (!known.length) return empty(container, 'The ratio needs four weeks of history.');
    const band = u => {
      const top = u.valToPos(kAcwrBandHigh, 'y', true), bottom = u.valToPos(kAcwrBandLow, 'y', true);
      u.ctx.save();
      u.ctx.fillStyle = 'rgba(26,127,55,0.12)';
      u.ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
      u.ctx.restore();
    };
    draw(container, {
      series: [{}, Object.assign(themed('#8250df'), { label: 'ACWR', value: (u, v) => v == null ? '–' : v.toFixed(2) })],
      scales: { y: { range: (u, min, max) => [0, Math.max(2, max == null ? 2 : max * 1.1)] } },
      hooks: { drawClear: [band] },
      axes: [{}, {}],
    }, [days.map(d => dateToSeconds(d.date)), days.map(d => d.acwr)]);
  }

  // One activity channel over distance (or time when there is no distance).
  function activityLine(container, streams, channel, label, color, format, units) {
    const values = streams[channel] || [];
    if (!values.some(v => v != null)) return empty(container, 'No ' + label.toLowerCase() + ' in this file.');
    const per = units === 'mi' ? 1609.344 : 1000;
    const byDistance = (streams.distance_m || []).some(v => v != null);
    const x = byDistance ? streams.distance_m.map(v => v == null ? null : v / per) : streams.time_s.map(v => v / 60);
    // uPlot needs increasing x: carry the last known distance over gaps.
    let last = 0;
    for (let i = 0; i < x.length; i++) { if (x[i] == null || x[i] < last) x[i] = last; else last = x[i]; }
    draw(container, {
      scales: { x: { time: false } },
      series: [{ label: byDistance ? units : 'min', value: (u, v) => v == null ? '–' : v.toFixed(2) },
        Object.assign(themed(color), { label, value: (u, v) => format(v) })],
      axes: [{ label: byDistance ? 'distance (' + units + ')' : 'time (min)' },
        { values: (u, ticks) => ticks.map(format), size: 80 }],
    }, [x, values]);
  }

  return { weeklyBars, fitnessLines, acwrChart, activityLine, formatDuration, empty };
})();
