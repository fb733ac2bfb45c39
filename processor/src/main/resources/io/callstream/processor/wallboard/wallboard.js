// The wallboard: today's figures, the calls in progress and the caller log of one site (or one of
// its queues), kept current by the processor's live stream (/api/v1/live). The page loads a
// snapshot once the stream has told where it starts, applies every change after that, and reloads
// the snapshot only when it must (a new site or queue, a lost position, a new day) or every five
// minutes as a safety net. The API token stays in this tab's session storage and is only ever sent
// in the Authorization header: EventSource cannot send headers, so the stream is read with fetch.
'use strict';

(() => {
  const TOKEN_KEY = 'callstream.apiToken';
  const LOG_LIMIT = 50;
  const RESYNC_MS = 5 * 60 * 1000;
  const SILENT_STREAM_MS = 40 * 1000; // the processor sends a heartbeat every 15 s
  const RETRY_MS = 5 * 1000;
  const MAX_BACKOFF_MS = 15 * 1000;
  const MISSED = new Set(['missed', 'busy', 'failed', 'voicemail']); // as the statistics count "missed"

  const $ = (id) => document.getElementById(id);

  const board = {
    token: null,
    sites: [],
    site: null,
    queue: '',
    queues: new Set(),
    zone: 'UTC',
    today: null,
    hours: [],
    active: new Map(),
    log: [],
    lastEventId: null,
    stream: null,
    streamGeneration: 0,
    failures: 0,
    loading: null,
  };

  class Unauthorized extends Error {}

  class ApiError extends Error {
    constructor(status, detail) {
      super(status + ': ' + detail);
      this.status = status;
    }
  }

  // ---- the API -----------------------------------------------------------------------------

  async function api(path, options = {}) {
    const response = await fetch(path, {
      ...options,
      cache: 'no-store',
      headers: { ...(options.headers || {}), Accept: 'application/json', Authorization: 'Bearer ' + board.token },
    });
    if (response.status === 401) {
      throw new Unauthorized();
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) {
        // not a problem document
      }
      throw new ApiError(response.status, detail);
    }
    return response.json();
  }

  function query(params) {
    const present = Object.entries(params).filter(([, value]) => value !== '' && value !== null && value !== undefined);
    return new URLSearchParams(present).toString();
  }

  // ---- signing in and out ------------------------------------------------------------------

  function showSignIn(message) {
    stopStream();
    board.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    $('board').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('token').focus();
  }

  async function signIn(token) {
    board.token = token;
    try {
      board.sites = await api('/api/v1/stats/sites');
    } catch (error) {
      board.token = null;
      if (error instanceof Unauthorized) {
        showSignIn('That is not the API token.');
      } else if (error instanceof ApiError && error.status === 404) {
        showSignIn('This processor has no statistics (callstream.processor.statistics-enabled is false).');
      } else {
        showSignIn('callstream cannot be reached right now (' + error.message + ').');
      }
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('sign-in').hidden = true;
    $('board').hidden = false;
    chooseFromLocation();
    fillSites();
    follow();
  }

  function handleFailure(error, what) {
    if (error instanceof Unauthorized) {
      showSignIn('The API token was refused; sign in again.');
      return;
    }
    notice(what + ': ' + error.message);
  }

  function notice(text) {
    $('notice').textContent = text || '';
    $('notice').hidden = !text;
  }

  // ---- site and queue ----------------------------------------------------------------------

  function chooseFromLocation() {
    const chosen = new URLSearchParams(location.hash.slice(1));
    const known = board.sites.map((site) => site.site);
    board.site = known.includes(chosen.get('site')) ? chosen.get('site') : known[0] || null;
    board.queue = chosen.get('queue') || '';
  }

  function remember() {
    history.replaceState(null, '', '#' + query({ site: board.site, queue: board.queue }));
  }

  function fillSites() {
    const select = $('site');
    select.replaceChildren(...board.sites.map((site) =>
      option(site.site, site.display_name && site.display_name !== site.site
        ? site.display_name + ' (' + site.site + ')' : site.site)));
    select.value = board.site || '';
    if (!board.site) {
      notice('No sites yet: add one through the admin API.');
    }
  }

  function fillQueues() {
    const select = $('queue');
    const names = [...board.queues].sort();
    select.replaceChildren(option('', 'All queues'), ...names.map((name) => option(name, name)));
    select.value = board.queue;
  }

  function learnQueue(name) {
    if (name && !board.queues.has(name)) {
      board.queues.add(name);
      fillQueues();
    }
  }

  function option(value, text) {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = text;
    return element;
  }

  function siteSettings() {
    return board.sites.find((site) => site.site === board.site) || { time_zone: 'UTC', service_level_threshold_seconds: 20 };
  }

  /** Start over on the chosen site: a new stream, then a snapshot once it says where it starts. */
  function follow() {
    board.today = null;
    board.hours = [];
    board.active.clear();
    board.log = [];
    board.queues = new Set(board.queue ? [board.queue] : []);
    board.lastEventId = null;
    board.zone = siteSettings().time_zone;
    fillQueues();
    remember();
    renderAll();
    if (board.site) {
      openStream();
    }
  }

  // ---- the live stream ---------------------------------------------------------------------

  function stopStream() {
    board.streamGeneration++;
    if (board.stream) {
      board.stream.abort();
      board.stream = null;
    }
  }

  function openStream() {
    stopStream();
    const generation = board.streamGeneration;
    const controller = new AbortController();
    board.stream = controller;
    showLive(board.failures === 0 ? 'connecting' : 'reconnecting');
    readStream(controller, generation)
      .catch((error) => {
        if (error instanceof Unauthorized) {
          showSignIn('The API token was refused; sign in again.');
        }
      })
      .finally(() => {
        if (generation === board.streamGeneration) {
          board.failures++;
          showLive('reconnecting');
          const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** board.failures);
          setTimeout(() => generation === board.streamGeneration && openStream(), delay);
        }
      });
  }

  async function readStream(controller, generation) {
    const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + board.token };
    if (board.lastEventId) {
      headers['Last-Event-ID'] = board.lastEventId;
    }
    const response = await fetch('/api/v1/live?' + query({ site: board.site }),
      { headers, cache: 'no-store', signal: controller.signal });
    if (response.status === 401) {
      throw new Unauthorized();
    }
    if (!response.ok || !response.body) {
      throw new ApiError(response.status, 'the live stream is not available');
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parse = serverSentEvents((event) => generation === board.streamGeneration && onLiveEvent(event));
    let silence = setTimeout(() => controller.abort(), SILENT_STREAM_MS);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        clearTimeout(silence);
        silence = setTimeout(() => controller.abort(), SILENT_STREAM_MS);
        parse(value);
      }
    } finally {
      clearTimeout(silence);
    }
  }

  /** A parser of the text/event-stream format, fed chunk by chunk; comments (heartbeats) are skipped. */
  function serverSentEvents(dispatch) {
    let buffer = '';
    let event = { type: 'message', data: [], id: null };
    return (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        if (line === '') {
          if (event.data.length > 0) {
            dispatch({ type: event.type, id: event.id, data: event.data.join('\n') });
          }
          event = { type: 'message', data: [], id: null };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') {
            event.type = value;
          } else if (field === 'data') {
            event.data.push(value);
          } else if (field === 'id') {
            event.id = value;
          }
        }
      }
    };
  }

  function onLiveEvent(event) {
    const data = JSON.parse(event.data);
    board.failures = 0;
    showLive('live');
    if (event.type === 'position') {
      // Resumed: every change since the last id follows. Otherwise the stream starts now: load what is.
      if (!data.resumed || !board.today) {
        loadSnapshot();
      }
    } else if (event.type === 'call') {
      applyCall(data);
    } else if (event.type === 'stats') {
      applyStats(data);
    }
    if (event.id) {
      board.lastEventId = event.id;
    }
  }

  function showLive(state) {
    const indicator = $('live');
    indicator.dataset.state = state;
    indicator.textContent = state === 'live' ? 'live' : state === 'connecting' ? 'connecting…' : 'reconnecting…';
  }

  // ---- the snapshot ------------------------------------------------------------------------

  function loadSnapshot() {
    const site = board.site;
    const queue = board.queue;
    const loading = Promise.all([
      api('/api/v1/stats?' + query({ site, queue, interval: '1d' })),
      api('/api/v1/stats?' + query({ site, queue, interval: '1h' })),
      api('/api/v1/calls/active'),
      api('/api/v1/cti/log?' + query({ site, queue, limit: LOG_LIMIT })),
    ]).then(([days, hours, active, log]) => {
      if (site !== board.site || queue !== board.queue) {
        return;
      }
      board.zone = days.time_zone;
      board.today = days.series[days.series.length - 1];
      board.hours = hours.series;
      board.active = new Map(active.filter(belongsHere).map((call) => [call.id, call]));
      board.log = log;
      [...active, ...log].filter((call) => call.site === site).forEach((call) => learnQueue(call.queue));
      notice('');
      renderAll();
    }).catch((error) => {
      handleFailure(error, 'Cannot load the figures (retrying)');
      if (board.token && site === board.site) {
        setTimeout(() => board.loading === loading && loadSnapshot(), RETRY_MS);
      }
    });
    board.loading = loading;
  }

  function belongsHere(call) {
    return call.site === board.site && (!board.queue || call.queue === board.queue);
  }

  // ---- applying changes --------------------------------------------------------------------

  function applyCall(call) {
    if (call.site !== board.site) {
      return;
    }
    learnQueue(call.queue);
    const known = board.log.find((other) => other.id === call.id) || board.active.get(call.id);
    if (known && known.events_applied > call.events_applied) {
      return; // an older version than the one shown (the snapshot was read after it)
    }
    if (belongsHere(call) && call.outcome == null) { // in progress until it has an outcome
      board.active.set(call.id, call);
    } else {
      board.active.delete(call.id);
    }
    board.log = board.log.filter((other) => other.id !== call.id);
    if (belongsHere(call)) {
      board.log.push(call);
      board.log.sort(newestFirst);
      board.log.length = Math.min(board.log.length, LOG_LIMIT);
    }
    renderActive();
    renderLog();
    renderActiveTile();
  }

  function newestFirst(a, b) {
    return Date.parse(b.initialized_at) - Date.parse(a.initialized_at) || (a.id < b.id ? -1 : 1);
  }

  function applyStats(update) {
    if (update.site !== board.site) {
      return;
    }
    if (update.dimension === 'queue') {
      learnQueue(update.dimension_value);
    }
    const wanted = board.queue
      ? update.dimension === 'queue' && update.dimension_value === board.queue
      : update.dimension === 'site';
    if (!wanted || !board.today) {
      return;
    }
    const start = Date.parse(update.window.start);
    if (update.interval === '1d') {
      const today = Date.parse(board.today.start);
      if (start === today) {
        board.today = update.window;
        renderTiles();
        renderWaitChart();
      } else if (start > today) {
        loadSnapshot(); // a new day began at the site
      }
    } else if (update.interval === '1h') {
      const index = board.hours.findIndex((hour) => Date.parse(hour.start) === start);
      if (index >= 0) {
        board.hours[index] = update.window;
        renderHourlyChart();
      }
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  function renderAll() {
    renderTiles();
    renderActiveTile();
    renderHourlyChart();
    renderWaitChart();
    renderActive();
    renderLog();
  }

  function renderTiles() {
    const today = board.today || {};
    setTile('offered', count(today.offered));
    setTile('answered', count(today.answered));
    setTile('missed', count(today.missed));
    setTile('abandoned_short', count(today.abandoned_short));
    setTile('asa_seconds', average(today.asa_seconds));
    setTile('aht_seconds', average(today.aht_seconds));
    setTile('service_level', percent(today.service_level));
    const threshold = siteSettings().service_level_threshold_seconds;
    document.querySelector('[data-figure="service_level"] .label').textContent = 'Service level ≤ ' + threshold + ' s';
  }

  function renderActiveTile() {
    const calls = [...board.active.values()];
    const ringing = calls.filter((call) => call.state === 'newCall').length;
    setTile('active_now', board.today ? String(calls.length) : '–',
      board.today ? ringing + ' ringing · ' + (calls.length - ringing) + ' talking' : '');
  }

  function setTile(figure, value, detail) {
    const tile = document.querySelector('[data-figure="' + figure + '"]');
    tile.querySelector('.value').textContent = value;
    tile.title = detail || '';
  }

  function renderActive() {
    const rows = [...board.active.values()]
      .sort((a, b) => Date.parse(a.initialized_at) - Date.parse(b.initialized_at))
      .map((call) => row(call.id, [
        call.state === 'newCall' ? 'ringing' : 'talking',
        party(call.from, call.from_comment),
        party(call.to, call.to_comment),
        call.queue || '',
        call.answered_by || (call.users || []).join(', '),
        timer(call.initialized_at, call.start_at),
        call.start_at ? timer(call.start_at) : '',
      ], call.state === 'newCall' ? 'ringing' : 'talking'));
    $('active-calls').replaceChildren(...rows);
    $('no-active').hidden = rows.length > 0;
  }

  function renderLog() {
    const rows = board.log.map((call) => {
      const missed = call.direction === 'in' && MISSED.has(call.outcome);
      const tr = row(call.id, [
        time(call.initialized_at),
        call.direction === 'in' ? '↘' : '↗',
        party(call.from, call.from_comment),
        party(call.to, call.to_comment),
        call.queue || '',
        call.outcome ? call.outcome.replace(/_/g, ' ') : call.state === 'newCall' ? 'ringing' : 'talking',
        duration(call.duration_waiting_time),
        duration(call.duration_talking_time),
        doneButton(call),
      ], missed ? 'missed' : '');
      tr.dataset.done = String(call.done);
      return tr;
    });
    $('caller-log').replaceChildren(...rows);
  }

  function doneButton(call) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'done';
    button.textContent = call.done ? 'done ✓' : 'mark done';
    button.title = call.done ? 'Mark as not done' : 'Mark as done';
    button.addEventListener('click', () => markDone(call, !call.done, button));
    return button;
  }

  async function markDone(call, done, button) {
    button.disabled = true;
    try {
      // The change comes back on the live stream once the processor has applied it.
      await api('/api/v1/calls/' + encodeURIComponent(call.site) + '/' + encodeURIComponent(call.call_id) + '/done', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ done, call: call.call }),
      });
    } catch (error) {
      button.disabled = false;
      handleFailure(error, 'Cannot mark the call');
    }
  }

  function row(id, cells, className) {
    const tr = document.createElement('tr');
    tr.dataset.id = id;
    if (className) {
      tr.className = className;
    }
    tr.append(...cells.map((cell) => {
      const td = document.createElement('td');
      td.append(cell);
      return td;
    }));
    return tr;
  }

  function party(number, name) {
    const span = document.createElement('span');
    span.textContent = number || '';
    if (name) {
      const small = document.createElement('small');
      small.textContent = name;
      span.append(document.createElement('br'), small);
    }
    return span;
  }

  /** Seconds since {@code from} (until {@code until} if given), counting up every second. */
  function timer(from, until) {
    const span = document.createElement('span');
    span.className = 'timer';
    span.dataset.from = from;
    if (until) {
      span.dataset.until = until;
    }
    tick(span);
    return span;
  }

  function tick(span) {
    const end = span.dataset.until ? Date.parse(span.dataset.until) : Date.now();
    span.textContent = duration(Math.max(0, (end - Date.parse(span.dataset.from)) / 1000));
  }

  // ---- charts (Chart.js) -------------------------------------------------------------------

  const charts = {};

  function chart(id, config) {
    if (typeof Chart === 'undefined') {
      return null; // the page still works without its charts
    }
    if (!charts[id]) {
      charts[id] = new Chart($(id), config);
    }
    return charts[id];
  }

  function barChart(datasets, stacked) {
    return {
      type: 'bar',
      data: { labels: [], datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
  }

  function renderHourlyChart() {
    const hourly = chart('hourly-chart', barChart([
      { label: 'answered', data: [], backgroundColor: '#2e7d32' },
      { label: 'missed', data: [], backgroundColor: '#c62828' },
      { label: 'other', data: [], backgroundColor: '#9e9e9e' },
    ], true));
    if (!hourly) {
      return;
    }
    hourly.data.labels = board.hours.map((hour) => time(hour.start).slice(0, 5));
    hourly.data.datasets[0].data = board.hours.map((hour) => hour.answered || 0);
    hourly.data.datasets[1].data = board.hours.map((hour) => hour.missed || 0);
    hourly.data.datasets[2].data = board.hours.map((hour) => (hour.offered || 0) - (hour.answered || 0) - (hour.missed || 0));
    hourly.update('none');
  }

  function renderWaitChart() {
    const waits = chart('wait-chart', barChart([{ label: 'answered calls', data: [], backgroundColor: '#1565c0' }], false));
    if (!waits) {
      return;
    }
    const buckets = (board.today && board.today.wait_buckets) || [];
    waits.data.labels = buckets.map((bucket) => bucket.to_seconds == null
      ? bucket.from_seconds + ' s +' : bucket.from_seconds + '–' + bucket.to_seconds + ' s');
    waits.data.datasets[0].data = buckets.map((bucket) => bucket.answered);
    waits.update('none');
  }

  // ---- formatting --------------------------------------------------------------------------

  function count(value) {
    return value == null ? '–' : String(value);
  }

  function percent(fraction) {
    return fraction == null ? '–' : Math.round(fraction * 100) + ' %';
  }

  /** An average time: tenths of a second below a minute, where whole seconds would hide the change. */
  function average(seconds) {
    return seconds != null && seconds < 60 ? seconds.toFixed(1) + ' s' : duration(seconds);
  }

  function duration(seconds) {
    if (seconds == null) {
      return '–';
    }
    const whole = Math.round(seconds);
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const rest = String(whole % 60).padStart(2, '0');
    return hours > 0 ? hours + ':' + String(minutes).padStart(2, '0') + ':' + rest : minutes + ':' + rest;
  }

  function time(instant) {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: board.zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).format(new Date(instant));
  }

  // ---- start -------------------------------------------------------------------------------

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    $('token').value = '';
    signIn(token);
  });
  $('sign-out').addEventListener('click', () => showSignIn(''));
  $('site').addEventListener('change', () => {
    board.site = $('site').value;
    board.queue = '';
    follow();
  });
  $('queue').addEventListener('change', () => {
    board.queue = $('queue').value;
    remember();
    board.today = null;
    board.active.clear();
    board.log = [];
    renderAll();
    loadSnapshot();
  });
  setInterval(() => {
    document.querySelectorAll('.timer').forEach(tick);
    $('clock').textContent = board.site ? time(Date.now()) : '';
  }, 1000);
  setInterval(() => board.token && board.today && loadSnapshot(), RESYNC_MS);

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    signIn(saved);
  } else {
    showSignIn('');
  }
})();
