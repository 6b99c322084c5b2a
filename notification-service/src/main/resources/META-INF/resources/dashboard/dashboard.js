// The bureau dashboard: signs in with a bureau (or operator) token, reads the KPIs, the breakdown and the exports from
// matching-service, the sessions from demand-service, prefecture names from registry-service, and follows the match
// stream of notification-service. Plain JavaScript: nothing to build, nothing fetched from the internet.
(function () {
  const $ = id => document.getElementById(id);
  const state = { token: sessionStorage.getItem('rongtong.token'), lang: localStorage.getItem('rongtong.lang') || 'zh',
    config: null, data: null, names: {}, feed: [], stream: null, reload: null };
  const t = key => I18N[state.lang][key];
  const fmtPct = v => (v * 100).toFixed(1) + '%';

  function claims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return null;
    }
  }

  async function api(service, path, options) {
    const response = await fetch(state.config[service] + path, Object.assign({ headers: { Authorization: 'Bearer ' + state.token } }, options));
    if (response.status === 401) {
      signOut(t('badToken'));
      throw new Error('401');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || response.status);
    }
    return response;
  }

  // --- language ---------------------------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = (state.lang === 'zh' ? '融通 · ' : 'Rongtong · ') + t('title');
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
    if (state.data) render();
    renderFeed();
  }

  // --- sign-in ----------------------------------------------------------------------------------------------------
  function signIn(token) {
    const c = claims(token);
    const groups = (c && c.groups) || [];
    if (!c || (c.exp && c.exp * 1000 < Date.now())) {
      $('sign-in-error').textContent = t('badToken');
      return;
    }
    if (!groups.includes('bureau') && !groups.includes('operator')) {
      $('sign-in-error').textContent = t('notBureau');
      return;
    }
    state.token = token;
    sessionStorage.setItem('rongtong.token', token);
    $('sign-in-error').textContent = '';
    $('sign-in-panel').hidden = true;
    $('board').hidden = false;
    $('sign-out').hidden = false;
    if (!$('region').value) $('region').value = c.region || '37';
    if (!$('year').value) $('year').value = new Date().getFullYear();
    load();
    connect();
  }

  function signOut(message) {
    state.token = null;
    sessionStorage.removeItem('rongtong.token');
    if (state.stream) state.stream.abort();
    $('board').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-panel').hidden = false;
    $('sign-in-error').textContent = message || '';
  }

  // --- data -------------------------------------------------------------------------------------------------------
  async function load() {
    const region = $('region').value.trim(), year = $('year').value.trim();
    $('status').textContent = t('loading');
    try {
      const q = `region=${encodeURIComponent(region)}&year=${encodeURIComponent(year)}`;
      const [kpis, breakdown, sessions] = await Promise.all([
        api('matching', `/api/v1/kpis?${q}`).then(r => r.json()),
        api('matching', `/api/v1/kpis/breakdown?${q}`).then(r => r.json()),
        api('demand', `/api/v1/sessions?region=${encodeURIComponent(region)}&size=100`).then(r => r.json())]);
      await loadNames(region);
      state.data = { kpis, breakdown, sessions: sessions.items, region: kpis.region };
      render();
      $('status').dataset.loaded = 'true';
    } catch (e) {
      $('status').textContent = String(e.message || e);
    }
  }

  async function loadNames(region) {
    const province = region.substring(0, 2);
    if (state.names[province]) return;
    try {
      const regions = await fetch(state.config.registry + `/api/v1/reference/regions?prefix=${province}&level=PREFECTURE`).then(r => r.json());
      state.names[province] = {};
      regions.forEach(r => { state.names[province][r.code.substring(0, 4)] = r; });
    } catch (e) {
      state.names[province] = {};
    }
  }

  function prefectureName(code) {
    const r = (state.names[code.substring(0, 2)] || {})[code];
    return r ? (state.lang === 'zh' ? r.name : r.nameEn || r.name) : code;
  }

  // --- rendering --------------------------------------------------------------------------------------------------
  function render() {
    const { kpis, breakdown, sessions } = state.data;
    $('status').textContent = `${t('region')} ${kpis.region} · ${kpis.year} · ${t('updated')} ${new Date(kpis.computedAt).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB')}`
      + (kpis.sampleChains ? ' ' + t('sample') : '');
    renderKpis(kpis.indicators);
    const chainLabel = c => (state.lang === 'zh' ? c.name : c.nameEn);
    $('chain-chart').replaceChildren(Charts.bars(breakdown.chains, chainLabel, [
      { key: 'demands', label: t('demands'), color: '#93c5fd' }, { key: 'matches', label: t('matches'), color: '#2563eb' },
      { key: 'cooperating', label: t('cooperating'), color: '#059669' }]));
    table($('chain-table'), ['chain', 'demands', 'matches', 'answered', 'cooperating', 'sessionsHeld'], breakdown.chains.map(c => [
      chainLabel(c) + (c.flagship ? ` <span class="flag">${t('flagship')}</span>` : ''), c.demands, c.matches, c.answered, c.cooperating, c.sessionsHeld]),
    breakdown.chains.map(c => c.chain));
    $('prefecture-chart').replaceChildren(Charts.bars(breakdown.prefectures, p => prefectureName(p.prefecture), [
      { key: 'specialisedSmes', label: t('specialisedSmes'), color: '#fcd34d' }, { key: 'engagedSmes', label: t('engagedSmes'), color: '#d97706' },
      { key: 'cooperatingSmes', label: t('cooperatingSmes'), color: '#059669' }]));
    table($('prefecture-table'), ['prefecture', 'enterprises', 'specialisedSmes', 'engagedSmes', 'cooperatingSmes', 'demands', 'sessionsHeld'],
      breakdown.prefectures.map(p => [esc(prefectureName(p.prefecture)), p.enterprises, p.specialisedSmes, p.engagedSmes, p.cooperatingSmes,
        p.demands, p.sessionsHeld]), breakdown.prefectures.map(p => p.prefecture));
    const rows = sessions.map(s => [s.date, esc(s.name), esc(s.venue || s.regionCode), t('sessionStatuses')[s.status] || s.status]);
    table($('session-table'), ['date', 'name', 'venue', 'status'], rows.length ? rows : [[t('noSessions'), '', '', '']], sessions.map(s => s.id));
  }

  function renderKpis(indicators) {
    $('kpis').replaceChildren(...indicators.map(i => {
      const card = document.createElement('div');
      card.className = 'card kpi';
      card.dataset.code = i.code;
      const rate = i.denominator !== null && i.denominator !== undefined;
      const value = rate ? fmtPct(i.value) : String(Math.round(i.value));
      const target = rate ? fmtPct(i.target) : String(Math.round(i.target));
      const share = i.target > 0 ? i.value / i.target : (i.met ? 1 : 0);
      card.appendChild(Charts.ring(share, i.met));
      const text = document.createElement('div');
      text.innerHTML = `<div class="name">${esc(state.lang === 'zh' ? i.name : i.nameEn)}</div>
        <div class="value" data-value="${i.value}">${value}</div>
        <div class="count">${rate ? `<span class="numerator">${i.numerator}</span> ${t('of')} <span class="denominator">${i.denominator}</span>`
          : `<span class="numerator">${i.numerator}</span>`}</div>
        <div class="target">${t('target')} ${target} · <span class="${i.met ? 'met' : 'unmet'}">${i.met ? t('met') : t('unmet')}</span></div>`;
      text.title = i.computation;
      card.appendChild(text);
      return card;
    }));
  }

  function table(element, columns, rows, keys) {
    const head = `<thead><tr>${columns.map((c, i) => `<th class="${i ? '' : 'text'}">${t(c)}</th>`).join('')}</tr></thead>`;
    const body = rows.map((r, n) => `<tr data-key="${esc(keys[n] || '')}">${r.map((v, i) => `<td class="${i ? '' : 'text'}">${v}</td>`).join('')}</tr>`).join('');
    element.innerHTML = head + `<tbody>${body}</tbody>`;
  }

  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // --- live feed (server-sent events read with fetch, so the token travels in the Authorization header) -------------
  async function connect(lastEventId) {
    const controller = new AbortController();
    state.stream = controller;
    const headers = { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    let last = lastEventId;
    try {
      const response = await fetch(state.config.notification + '/api/v1/stream', { headers, signal: controller.signal });
      if (!response.ok) throw new Error(response.status);
      live(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.substring(0, end);
          buffer = buffer.substring(end).replace(/^\r?\n\r?\n/, '');
          const event = { data: [] };
          block.split(/\r?\n/).forEach(line => {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.substring(0, colon);
            const v = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
            if (field === 'data') event.data.push(v); else if (field) event[field] = v;
          });
          if (event.id) last = event.id;
          if (event.data.length) onEvent(event.event, event.data.join('\n'));
        }
      }
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    live(false);
    if (state.token && state.stream === controller) setTimeout(() => connect(last), 3000);
  }

  function live(on) {
    $('feed-state').className = on ? 'dot live' : 'dot';
    $('feed-state').dataset.live = on;
    $('feed-state-text').textContent = t(on ? 'live' : 'offline');
  }

  function onEvent(type, payload) {
    let cloudEvent;
    try {
      cloudEvent = JSON.parse(payload);
    } catch (e) {
      return;
    }
    const d = cloudEvent.data || {};
    state.feed.unshift({ type, time: cloudEvent.time || new Date().toISOString(), data: d });
    state.feed.length = Math.min(state.feed.length, 100);
    renderFeed();
    // the figures move with the events: reload them, at most every two seconds
    clearTimeout(state.reload);
    state.reload = setTimeout(load, 2000);
  }

  function renderFeed() {
    const feed = $('feed');
    if (!state.feed.length) {
      feed.innerHTML = `<li class="empty">${t('noEvents')}</li>`;
      return;
    }
    feed.innerHTML = state.feed.map(e => {
      const matched = e.type && e.type.endsWith('.demand.matched.v1');
      const text = matched ? t('matched')(e.data.title, (e.data.candidates || []).length)
        : t('moved')(e.data.enterpriseName, e.data.title, t('statuses')[e.data.status] || e.data.status);
      return `<li class="${matched ? 'matched' : 'move'}" data-type="${esc(e.type)}" data-demand="${esc(e.data.demandId)}">
        <time>${esc(new Date(e.time).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB'))}</time>${esc(text)}</li>`;
    }).join('');
  }

  // --- exports ----------------------------------------------------------------------------------------------------
  async function download(kind, format) {
    const region = state.data ? state.data.region : $('region').value.trim();
    const year = $('year').value.trim();
    const query = kind === 'kpis' ? `region=${region}&year=${year}&format=${format}` : `region=${region}&format=${format}`;
    try {
      const blob = await (await api('matching', `/api/v1/exports/${kind}?${query}`)).blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `rongtong-${kind}-${region}${kind === 'kpis' ? '-' + year : ''}.${format}`;
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 10000);
    } catch (e) {
      $('status').textContent = String(e.message || e);
    }
  }

  // --- wiring -----------------------------------------------------------------------------------------------------
  $('sign-in').addEventListener('click', () => signIn($('token').value.trim()));
  $('sign-out').addEventListener('click', () => signOut());
  $('refresh').addEventListener('click', load);
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('rongtong.lang', state.lang);
    applyLanguage();
  });
  [['kpis', 'xlsx'], ['kpis', 'csv'], ['matches', 'xlsx'], ['matches', 'csv']].forEach(([kind, format]) =>
    $(`export-${kind}-${format}`).addEventListener('click', () => download(kind, format)));

  fetch('/api/v1/dashboard/config').then(r => r.json()).then(config => {
    state.config = config;
    applyLanguage();
    // a token in the fragment (#token=…, never sent to a server) signs in at once: for scripted screenshots
    const fragment = new URLSearchParams(location.hash.substring(1));
    if (fragment.get('region')) $('region').value = fragment.get('region');
    const token = fragment.get('token') || state.token;
    if (fragment.get('token')) history.replaceState(null, '', location.pathname);
    if (token) signIn(token);
  });
})();
