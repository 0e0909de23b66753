// Charts with Apache ECharts (loaded from its mvnpm jar as the global `echarts`). Every chart element also carries
// an aria-label with its data, set by the caller, so screen readers get the numbers.

export const COLOURS = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#475569'];

function init(el) {
  if (!window.echarts || el.offsetWidth === 0) return null;
  const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, { renderer: 'canvas' });
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

export function segmentMap(el, s, onCustomer) {
  const chart = init(el);
  if (!chart) return;
  const labels = Object.fromEntries(s.segments.map(seg => [seg.id, `${seg.number}. ${seg.label}`]));
  const quotes = {};
  for (const seg of s.segments) for (const q of seg.quotes || []) quotes[q.customerId] = q.text;
  const groups = [...s.segments.map(seg => seg.id), null];
  chart.setOption({
    animation: false,
    color: COLOURS,
    grid: { left: 8, right: 8, top: 8, bottom: 32, containLabel: false },
    xAxis: { show: false, scale: true },
    yAxis: { show: false, scale: true },
    legend: { bottom: 0, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      // A point's quote is the segment's representative one, else the customer's first review, fetched once.
      formatter: (p, ticket, done) => {
        const [, , customer] = p.data;
        const show = q => `<strong>${escape(customer)}</strong><br>${escape(p.seriesName)}`
          + (q ? `<br><em>“${escape(q.length > 140 ? `${q.slice(0, 140)}…` : q)}”</em>` : '');
        if (quotes[customer] !== undefined) return show(quotes[customer]);
        fetch(`/api/customers/${encodeURIComponent(customer)}`).then(r => (r.ok ? r.json() : null)).then(c => {
          quotes[customer] = c?.reviews?.[0]?.text ?? null;
          done(ticket, show(quotes[customer]));
        }).catch(() => done(ticket, show(null)));
        return show(null);
      },
    },
    series: groups.map(g => ({
      name: g ? labels[g] : 'Unassigned',
      type: 'scatter',
      symbolSize: 6,
      itemStyle: g ? {} : { color: '#94a3b8' },
      data: s.map.points.filter(p => p.segment === g).map(p => [p.x, p.y, p.customerId]),
    })).filter(series => series.data.length),
  });
  chart.off('click');
  chart.on('click', p => onCustomer(p.data[2]));
}

export function bars(el, items) {
  const chart = init(el);
  if (!chart) return;
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: items.map(i => i.label), axisTick: { show: false } },
    tooltip: { trigger: 'item', formatter: p => escape(`${items[p.dataIndex].label}: ${p.value}${items[p.dataIndex].unit}`
      + (items[p.dataIndex].note ? ` (${items[p.dataIndex].note})` : '')) },
    series: [{
      type: 'bar',
      data: items.map(i => ({ value: i.value, itemStyle: { color: i.negative ? '#dc2626' : '#2563eb' } })),
      label: { show: true, position: 'right', formatter: p => `${p.value}${items[p.dataIndex].unit.trim() === '%' ? '%' : ''}` },
    }],
  });
}

// Tooltips are HTML in ECharts: customer ids, labels and quotes are escaped before they go in.
function escape(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
