// SVG charts drawn by hand: a progress ring per KPI and grouped horizontal bars. No chart library, nothing downloaded.
window.Charts = (function () {
  const NS = 'http://www.w3.org/2000/svg';

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A ring filled to value/target (capped at full), green when the target is met. */
  function ring(share, met) {
    const r = 30, c = 2 * Math.PI * r, filled = Math.max(0, Math.min(1, share)) * c;
    const svg = el('svg', { viewBox: '0 0 80 80', width: 80, height: 80, class: 'ring' });
    svg.appendChild(el('circle', { cx: 40, cy: 40, r, fill: 'none', stroke: '#e5e7eb', 'stroke-width': 9 }));
    if (filled > 0) {
      svg.appendChild(el('circle', { cx: 40, cy: 40, r, fill: 'none', stroke: met ? '#059669' : '#d97706', 'stroke-width': 9,
        'stroke-dasharray': `${filled} ${c}`, transform: 'rotate(-90 40 40)', 'stroke-linecap': 'round' }));
    }
    svg.appendChild(el('text', { x: 40, y: 45, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 600, fill: '#1f2a37' },
      Math.round(Math.min(share, 9.99) * 100) + '%'));
    return svg;
  }

  /** Grouped horizontal bars: one group per row, one bar per series; series = [{key, label, color}]. */
  function bars(rows, labelOf, series) {
    // drawn at about the size shown (the card is ~880 px wide at 1440 px), so 12 px text stays 12 px
    const barH = 7, gap = 2, groupGap = 9, left = 170, width = 860, right = 40;
    const groupH = series.length * (barH + gap) + groupGap;
    const height = 26 + rows.length * groupH;
    const max = Math.max(1, ...rows.flatMap(r => series.map(s => r[s.key])));
    const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' });
    let x = left;
    series.forEach(s => {
      svg.appendChild(el('rect', { x, y: 4, width: 10, height: 10, fill: s.color }));
      svg.appendChild(el('text', { x: x + 14, y: 13, class: 'legend' }, s.label));
      x += 14 + s.label.length * 13 + 24;
    });
    rows.forEach((r, i) => {
      const y0 = 26 + i * groupH;
      svg.appendChild(el('text', { x: left - 8, y: y0 + (series.length * (barH + gap)) / 2 + 4, 'text-anchor': 'end',
        'font-size': 12, fill: '#1f2a37' }, labelOf(r)));
      series.forEach((s, j) => {
        if (!r[s.key]) return; // nothing to draw: the table beside says 0
        const w = (r[s.key] / max) * (width - left - right);
        const y = y0 + j * (barH + gap);
        svg.appendChild(el('rect', { x: left, y, width: Math.max(w, 1), height: barH, rx: 2, fill: s.color }));
        svg.appendChild(el('text', { x: left + w + 4, y: y + barH, 'font-size': 10, fill: '#6b7280' }, String(r[s.key])));
      });
    });
    return svg;
  }

  return { ring, bars };
})();
