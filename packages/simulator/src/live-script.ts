/**
 * The match page's own script, run in the browser. It keeps the page live the way the
 * real site does (no reloads): it listens to the server's event stream, swaps the
 * inside of each changed part, creates the scorecard tab when scoring starts, and
 * reports the moment each change was applied for the freshness benchmark.
 * Plain ES2017 in a string, so no build step or transpiler can alter it.
 */
export const LIVE_SCRIPT = `
(function () {
  var body = document.body;
  var matchId = body.getAttribute('data-sim-match');
  var applied = Number(body.getAttribute('data-sim-version'));
  var scorecardTabLink = '<a class="nav-link" id="nvScorecardTab-tab" href="#nvScorecardTab" role="tab">Scorecard</a>';

  function patch(el, part) {
    if (el.getAttribute('data-sim-hash') === part.hash) return false;
    el.innerHTML = part.inner;
    el.setAttribute('data-sim-hash', part.hash);
    return true;
  }

  function ensurePane() {
    var pane = document.getElementById('nvScorecardTab');
    if (pane) return pane;
    var li = document.createElement('li');
    li.className = 'nav-item';
    li.innerHTML = scorecardTabLink;
    document.getElementById('match-tabs').appendChild(li);
    pane = document.createElement('div');
    pane.id = 'nvScorecardTab';
    pane.className = 'tab-pane';
    pane.setAttribute('role', 'tabpanel');
    document.getElementById('match-tab-content').appendChild(pane);
    return pane;
  }

  function report(version) {
    var body = JSON.stringify({ matchId: matchId, version: version, appliedAt: Date.now() });
    if (navigator.sendBeacon && navigator.sendBeacon('/__sim/applied', body)) return;
    fetch('/__sim/applied', { method: 'POST', body: body, keepalive: true }).catch(function () {});
  }

  function apply(update) {
    if (update.version <= applied) return;
    var changed = patch(document.querySelector('[data-sim-part="header"]'), update.header);
    if (update.scorecard) {
      var created = !document.getElementById('nvScorecardTab');
      var pane = ensurePane();
      changed = changed || created;
      update.scorecard.forEach(function (part) {
        var el = pane.querySelector('[data-sim-part="' + part.key + '"]');
        if (!el) {
          el = document.createElement(part.tag);
          el.className = part.className;
          el.setAttribute('data-sim-part', part.key);
          pane.appendChild(el);
        }
        changed = patch(el, part) || changed;
      });
    }
    applied = update.version;
    body.setAttribute('data-sim-version', String(applied));
    if (changed) report(applied);
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    var accept = target.closest && target.closest('#cookie-consent button');
    if (accept) {
      document.cookie = 'sim_cookie_consent=accepted; path=/; max-age=31536000; SameSite=Lax';
      var banner = document.getElementById('cookie-consent');
      if (banner) banner.remove();
      return;
    }
    var tab = target.closest && target.closest('.nav-link');
    if (!tab) return;
    event.preventDefault();
    document.querySelectorAll('#match-tabs .nav-link').forEach(function (link) { link.classList.toggle('active', link === tab); });
    var paneId = (tab.getAttribute('href') || '').slice(1);
    document.querySelectorAll('#match-tab-content > .tab-pane').forEach(function (pane) {
      var active = pane.id === paneId;
      pane.classList.toggle('active', active);
      pane.classList.toggle('show', active);
    });
  });

  if (matchId && window.EventSource) {
    var feed = new EventSource('/__sim/matches/' + matchId + '/feed');
    feed.onmessage = function (message) { apply(JSON.parse(message.data)); };
  }
})();
`;
