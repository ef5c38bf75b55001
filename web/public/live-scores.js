"use strict";(()=>{var ae=`/* The scoreboard: shared by the page and the embeddable element (inside its shadow root). */

:root,
:host {
  --ls-bg: #ffffff;
  --ls-surface: #f3f4f1;
  --ls-text: #0b0b0b;
  --ls-muted: #3d4148;
  --ls-line: #6b7077;
  --ls-accent: #0a5c1f;
  --ls-live: #b3001b;
  --ls-on-live: #ffffff;
  --ls-highlight: #ffe766;
  --ls-stale: #7a4a00;
  --ls-series-0: #1f5fa8;
  --ls-series-1: #0a7a2a;
  --ls-radius: 0.5rem;
  color-scheme: light dark;
}

@media (prefers-color-scheme: dark) {
  :root,
  :host {
    --ls-bg: #0c0f12;
    --ls-surface: #181d22;
    --ls-text: #f4f6f8;
    --ls-muted: #c5ccd3;
    --ls-line: #8a939c;
    --ls-accent: #7fe08f;
    --ls-live: #ff6b7d;
    --ls-on-live: #0c0f12;
    --ls-highlight: #5c4d00;
    --ls-stale: #ffc061;
    --ls-series-0: #8cb8f0;
    --ls-series-1: #7fe08f;
  }
}

:host {
  display: block;
  color: var(--ls-text);
  background: var(--ls-bg);
}

.ls-root {
  font-family:
    system-ui,
    -apple-system,
    'Segoe UI',
    Roboto,
    sans-serif;
  line-height: 1.4;
  color: var(--ls-text);
  background: var(--ls-bg);
}

.ls-root *,
.ls-root *::before,
.ls-root *::after {
  box-sizing: border-box;
}

.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

/* Live indicator: fixed height, so the text changing never moves the scores below it. */
.live-status {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  min-height: 2rem;
  font-size: 0.9rem;
  font-variant-numeric: tabular-nums;
  color: var(--ls-muted);
}

.status-label {
  font-weight: 700;
  color: var(--ls-text);
}

.status-dot {
  flex: none;
  width: 0.75rem;
  height: 0.75rem;
  border: 2px solid var(--ls-line);
  border-radius: 50%;
}

.live-status[data-tone='live'] .status-dot {
  border-color: var(--ls-live);
  background: var(--ls-live);
  animation: ls-pulse 2s ease-in-out infinite;
}

.live-status[data-tone='stale'] .status-dot {
  border-radius: 0;
  border-color: var(--ls-stale);
  background: var(--ls-stale);
}

.live-status[data-tone='stale'] .status-label {
  color: var(--ls-stale);
}

@keyframes ls-pulse {
  50% {
    opacity: 0.35;
  }
}

.board {
  display: grid;
  gap: 1.25rem;
  min-height: 12rem;
}

/* While loading, the board holds a screen's height, so what follows it is not pushed down when the cards arrive. */
.board[aria-busy='true'] {
  min-height: 100vh;
}

.board[aria-busy='true']::before {
  content: 'Loading today’s matches…';
  color: var(--ls-muted);
}

.board[data-stale] .summary-score,
.board[data-stale] .figures,
.board[data-stale] .charts,
.board[data-stale] .innings-body {
  opacity: 0.7;
}

.team h2 {
  margin: 0 0 0.5rem;
  font-size: 1.25rem;
  color: var(--ls-accent);
}

.no-match,
.no-matches {
  margin: 0;
  padding: 0.75rem 1rem;
  border: 1px dashed var(--ls-line);
  border-radius: var(--ls-radius);
  color: var(--ls-muted);
}

.matches {
  display: grid;
  gap: 1rem;
}

.match {
  padding: 0.75rem;
  border: 1px solid var(--ls-line);
  border-radius: var(--ls-radius);
  background: var(--ls-surface);
}

.summary {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0.25rem 0.6rem;
  margin: 0;
  font-size: 1.3rem;
  font-weight: 700;
  font-variant-numeric: tabular-nums;
}

.chase {
  flex-basis: 100%;
  font-size: 1.05rem;
  color: var(--ls-accent);
}

.badge {
  padding: 0.1rem 0.45rem;
  border-radius: 0.25rem;
  font-size: 0.75rem;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  border: 1px solid var(--ls-line);
  color: var(--ls-muted);
}

.match[data-phase='live'] .badge {
  border-color: var(--ls-live);
  background: var(--ls-live);
  color: var(--ls-on-live);
}

.match[data-phase='waiting'] .summary-score {
  font-weight: 600;
  color: var(--ls-muted);
}

.result {
  margin: 0.4rem 0 0;
  font-weight: 700;
  color: var(--ls-accent);
}

.innings-list {
  margin-top: 0.5rem;
}

.innings {
  border-top: 1px solid var(--ls-line);
}

.innings > summary {
  padding: 0.6rem 0;
  min-height: 2.75rem;
  cursor: pointer;
  font-weight: 600;
  font-variant-numeric: tabular-nums;
}

.innings-body {
  overflow-x: auto;
}

table {
  width: 100%;
  border-collapse: collapse;
  font-variant-numeric: tabular-nums;
  font-size: 0.9rem;
}

th,
td {
  padding: 0.3rem 0.25rem;
  text-align: left;
  vertical-align: top;
}

thead th {
  border-bottom: 2px solid var(--ls-line);
  font-size: 0.8rem;
  color: var(--ls-muted);
}

tbody tr + tr th,
tbody tr + tr td {
  border-top: 1px solid color-mix(in srgb, var(--ls-line) 40%, transparent);
}

.num {
  text-align: right;
  white-space: nowrap;
}

th.num {
  text-align: right;
}

.name {
  font-weight: 400;
  width: 100%;
}

.player {
  display: block;
  font-weight: 600;
}

tr.in .player::after {
  content: ' *';
}

.how-out {
  display: block;
  font-size: 0.8rem;
  color: var(--ls-muted);
}

.runs,
.wickets {
  font-weight: 700;
}

tfoot th,
tfoot td {
  border-top: 1px solid var(--ls-line);
}

tr.total th,
tr.total td {
  font-weight: 700;
}

.total-overs {
  color: var(--ls-muted);
  text-align: right;
}

.bowling {
  margin-top: 0.75rem;
}

.yet-to-bat,
.fow {
  margin: 0.5rem 0 0;
  font-size: 0.85rem;
}

.source-line {
  margin: 0.5rem 0 0;
  font-size: 0.85rem;
}

.source-line a {
  color: var(--ls-accent);
}

/* A changed row flashes, then settles; only colours change, so nothing moves. */
.changed {
  animation: ls-changed 2.5s ease-out;
}

@keyframes ls-changed {
  from,
  40% {
    background-color: var(--ls-highlight);
  }
  to {
    background-color: transparent;
  }
}

@media (prefers-reduced-motion: reduce) {
  .live-status[data-tone='live'] .status-dot {
    animation: none;
  }
  .changed {
    animation: none;
    background-color: var(--ls-highlight);
  }
}

@media (min-width: 56rem) {
  .board {
    grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
    align-items: start;
  }
  .summary {
    font-size: 1.45rem;
  }
}

/* The finished match's report: a disclosure under the result. */
.report {
  margin: 0.5rem 0 0;
}

.report-link {
  cursor: pointer;
  color: var(--ls-accent);
  font-weight: 600;
}

.report-title {
  margin: 0.5rem 0 0.25rem;
  font-size: 1rem;
}

.report-content p {
  margin: 0.4rem 0 0;
  line-height: 1.45;
}

.report-note {
  color: var(--ls-muted);
}

/* Rates, the stand and this over: each line keeps its height while empty, so figures arriving never move the card. */
.figures {
  margin: 0.35rem 0 0;
  font-size: 0.9rem;
  font-variant-numeric: tabular-nums;
}

.figures p {
  display: flex;
  flex-wrap: wrap;
  gap: 0 0.9rem;
  min-height: 1.5rem;
  margin: 0;
}

.figures p[hidden] {
  display: none;
}

.figure strong {
  font-weight: 700;
}

.this-over {
  align-items: baseline;
  gap: 0.15rem 0.3rem;
  color: var(--ls-muted);
}

.ball {
  min-width: 1.5rem;
  padding: 0 0.2rem;
  border: 1px solid var(--ls-line);
  border-radius: 0.75rem;
  text-align: center;
  color: var(--ls-text);
}

.wicket-ball {
  border-color: var(--ls-live);
  background: var(--ls-live);
  color: var(--ls-on-live);
  font-weight: 700;
}

/* The worm and the Manhattan: each box keeps its 2:1 shape from the first render. */
.charts {
  margin-top: 0.5rem;
}

.chart-pair {
  display: grid;
  /* Side by side only when each gets 18rem; never wider than 28rem, or the labels grow too big. */
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 28rem));
  gap: 0.5rem 1rem;
}

.chart {
  margin: 0;
}

.chart figcaption {
  font-size: 0.8rem;
  font-weight: 600;
  color: var(--ls-muted);
}

.chart-svg {
  display: block;
  width: 100%;
  height: auto;
  aspect-ratio: 2 / 1;
  overflow: visible;
}

.chart-svg text {
  font-size: 10.5px;
  fill: var(--ls-muted);
}

.chart-svg .grid {
  stroke: color-mix(in srgb, var(--ls-line) 35%, transparent);
  stroke-width: 0.6;
}

.chart-svg .target {
  stroke: var(--ls-text);
  stroke-width: 0.8;
  stroke-dasharray: 3 2;
}

.chart-svg polyline {
  fill: none;
  stroke-width: 1.8;
  stroke-linejoin: round;
}

.chart-svg .series-0 {
  stroke: var(--ls-series-0);
  fill: var(--ls-series-0);
}

.chart-svg .series-1 {
  stroke: var(--ls-series-1);
  fill: var(--ls-series-1);
}

.chart-svg .series polyline {
  fill: none;
}

.chart-svg rect {
  stroke: none;
}

.chart-svg .wicket {
  fill: var(--ls-live);
  stroke: var(--ls-surface);
  stroke-width: 0.8;
}

.chart-legend {
  display: flex;
  flex-wrap: wrap;
  gap: 0 1rem;
  min-height: 1.4rem;
  margin: 0;
  padding: 0;
  list-style: none;
  font-size: 0.8rem;
}

.swatch {
  display: inline-block;
  width: 0.8rem;
  height: 0.8rem;
  margin-right: 0.3rem;
  vertical-align: -0.1rem;
  border-radius: 0.15rem;
}

.swatch.series-0 {
  background: var(--ls-series-0);
}

.swatch.series-1 {
  background: var(--ls-series-1);
}

.swatch.wicket {
  border-radius: 50%;
  background: var(--ls-live);
}

.chart-note {
  min-height: 1.2rem;
  margin: 0.25rem 0 0;
  font-size: 0.8rem;
  color: var(--ls-muted);
}
`;var T={title:"Live scores",oversPerSide:50,staleAfterSeconds:600,wsPath:"/live"};function le(t,e){let n=new URL(t,e);return n.protocol==="http:"&&(n.protocol="ws:"),n.protocol==="https:"&&(n.protocol="wss:"),n.toString()}function ce(t,e,n){if(t===void 0)return;let r=typeof t=="string"?Number(t):t;if(typeof r=="number"&&Number.isFinite(r)&&r>0)return r;n.push(`${e}: expected a positive number, got ${JSON.stringify(t)}`)}function C(t,e,n){if(t!==void 0){if(typeof t=="string")return t.trim();n.push(`${e}: expected a string, got ${JSON.stringify(t)}`)}}function qe(t,e){if(t===void 0)return;if(typeof t=="string")return t.split(",").map(r=>r.trim()).filter(Boolean).map(r=>({id:r,label:r}));if(!(Array.isArray(t)&&t.every(r=>typeof r?.id=="string"&&(r.label===void 0||typeof r.label=="string")))){e.push('teams: expected [{ "id": "firstTeam", "label": "1st XI" }, …]');return}return t.map(r=>({id:r.id,label:r.label??r.id}))}function ue(t,...e){let n=[],r=Object.assign({},...e.map(m=>je(m))),s=(C(r.api,"api",n)??"").replace(/\/+$/,""),i=C(r.ws,"ws",n),a=s?new URL(s,t).toString():t,l;try{l=le(i||T.wsPath,a)}catch{n.push(`ws: expected a URL, got ${JSON.stringify(i)}`),l=le(T.wsPath,t)}let u=ce(r.staleSeconds,"staleSeconds",n)??T.staleAfterSeconds;return{config:{title:C(r.title,"title",n)||T.title,apiBase:s,wsUrl:l,oversPerSide:Math.round(ce(r.overs,"overs",n)??T.oversPerSide),staleAfterMs:u*1e3,teams:qe(r.teams,n)??[],vapidPublicKey:C(r.vapidPublicKey,"vapidPublicKey",n)||null},problems:n}}function je(t){return Object.fromEntries(Object.entries(t).filter(([,e])=>e!=null&&e!==""))}function he(t,e){return/^https?:\/\//.test(e)?e:t?`${t}${e.startsWith("/")?"":"/"}${e}`:e}function o(t,e,n={},...r){let s=t.createElement(e);for(let[i,a]of Object.entries(n))a===!0?s.setAttribute(i,""):typeof a=="string"&&s.setAttribute(i,a);for(let i of r)i&&s.append(i);return s}function y(t,e=0){return t==null?"–":e?t.toFixed(e):String(t)}var Ge=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);var ze=new Set(["__proto__","prototype","constructor"]);function Je(t,e){if(Array.isArray(t))return t.slice();if(Ge(t))return{...t};throw new Error(`diff path ${JSON.stringify(e)} goes through a value that is not an object or array`)}function de(t,e,n){if(Array.isArray(t)){if(!Number.isInteger(e)||e<0||e>t.length)throw new Error(`diff path ${JSON.stringify(n)} has an index out of range`)}else if(typeof e!="string"||ze.has(e))throw new Error(`diff path ${JSON.stringify(n)} has a key that is not allowed`)}function Ke(t,e){let n=e.at;if(!Array.isArray(n))throw new Error("diff change has no path");let r={...t},s=r,i="length"in e?n:n.slice(0,-1);for(let l of i){de(s,l,n);let u=Je(s[l],n);s[l]=u,s=u}if("length"in e){if(!Array.isArray(s)||!Number.isInteger(e.length)||e.length>s.length||e.length<0)throw new Error(`diff shortens ${JSON.stringify(n)}, which is not an array that long`);return s.length=e.length,r}if(n.length===0)throw new Error("diff change replaces the whole scorecard");let a=n[n.length-1];if(de(s,a,n),"remove"in e){if(Array.isArray(s))throw new Error(`diff removes ${JSON.stringify(n)} from an array`);delete s[a]}else s[a]=e.to;return r}function me(t,e){let n=t;for(let r of e)n=Ke(n,r);return n}function pe(t,e){return t.capturedAt===e.capturedAt&&(t.seq??0)===e.seq}function fe(t){return!t.anyInProgress||t.lastUpdateAt==null?!1:t.now-t.lastUpdateAt>t.staleAfterMs}function ge(t,e){let n=Math.max(0,Math.floor((e-t)/1e3));if(n<5)return"updated just now";if(n<60)return`updated ${n} s ago`;let r=Math.floor(n/60);return r<60?`updated ${r} min ago`:`updated ${Math.floor(r/60)} h ago`}var J={baseMs:1e3,maxMs:3e4};function ye(t,e,n=J){let r=Math.min(n.maxMs,n.baseMs*2**Math.min(t,30));return Math.round(r/2+e()*(r/2))}var Ye=1,Xe=6e4,Qe=2e3,I=class{#e;#t=null;#n=null;#r=0;#s=!1;#a;#u;#i;#o={kind:"stopped"};#c=-1/0;constructor(e){this.#e={openSocket:n=>new WebSocket(n),random:Math.random,now:Date.now,pingIntervalMs:5*6e4,maxConnectionMs:110*6e4,backoff:J,...e}}get state(){return this.#o}start(){this.#o.kind==="stopped"&&this.#d()}nudge(){this.#o.kind==="waiting"?(clearTimeout(this.#a),this.#r=0,this.#d()):this.#o.kind==="open"&&(this.#m({action:"sync"}),this.#e.onReconnected())}requestSync(){let e=this.#e.now();e-this.#c<Qe||(this.#c=e,this.#m({action:"sync"}))}stop(){this.#g();for(let e of[this.#t,this.#n])e&&(e.onclose=null,e.close(1e3,"page closed"));this.#t=this.#n=null,this.#f({kind:"stopped"})}#d(){let e=this.#e.openSocket(this.#e.url);this.#t=e,this.#f({kind:"connecting",attempt:this.#r}),e.onopen=()=>{e===this.#t&&this.#l()},e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onclose=()=>{e===this.#t&&this.#h()},e.onerror=()=>{}}#l(){let e=this.#s;this.#s=!0,this.#r=0,this.#f({kind:"open"}),this.#m({action:"sync"}),clearInterval(this.#i),this.#i=setInterval(()=>this.#m({action:"ping"}),this.#e.pingIntervalMs),this.#p(this.#e.maxConnectionMs),e&&this.#e.onReconnected()}#h(){this.#g(),this.#t=null;let e=ye(this.#r,this.#e.random,this.#e.backoff);this.#r+=1,this.#f({kind:"waiting",attempt:this.#r,retryAt:this.#e.now()+e}),this.#a=setTimeout(()=>this.#d(),e)}#p(e){clearTimeout(this.#u),this.#u=setTimeout(()=>this.#b(),e)}#b(){let e=this.#e.openSocket(this.#e.url);this.#n=e,e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onerror=()=>{},e.onclose=()=>{e===this.#t?this.#h():e===this.#n&&(this.#n=null,this.#p(Xe))},e.onopen=()=>{if(e!==this.#n)return;let n=this.#t;this.#t=e,this.#n=null,n&&(n.onclose=null,n.close(1e3,"planned reconnect")),this.#l()}}#m(e){this.#t?.readyState===Ye&&this.#t.send(JSON.stringify(e))}#g(){clearTimeout(this.#a),clearTimeout(this.#u),clearInterval(this.#i)}#f(e){this.#o=e,this.#e.onStateChange(e)}};var M=t=>typeof t=="object"&&t!==null&&!Array.isArray(t),R=t=>typeof t=="string"&&t.length>0,w=(t,e=Number.MAX_SAFE_INTEGER)=>Number.isInteger(t)&&t>=0&&t<=e,K=t=>w(t,10);function Ze(t,e){return!M(t)||t.over!==e+1?!1:t.gap===!0?t.runs===void 0&&t.wickets===void 0:t.gap===void 0&&w(t.runs)&&K(t.wickets)}var et=t=>M(t)&&w(t.legal,6)&&w(t.runs)&&K(t.wickets);function tt(t){if(!M(t)||!R(t.team)||!Array.isArray(t.overs)||!t.overs.every(Ze))return!1;let{latest:e,thisOver:n}=t;return!M(e)||!w(e.legalBalls)||!w(e.runs)||!K(e.wickets)?!1:n===null||M(n)&&w(n.over)&&typeof n.fromStart=="boolean"&&Array.isArray(n.balls)&&n.balls.every(et)}function P(t){if(!M(t)||!R(t.matchId)||!R(t.teamId))return!1;let{upTo:e}=t;return M(e)&&R(e.capturedAt)&&!Number.isNaN(Date.parse(e.capturedAt))&&w(e.seq)&&Array.isArray(t.innings)&&t.innings.length<=4&&t.innings.every(tt)}var be=t=>`/api/matches/${encodeURIComponent(t)}/overs`;async function ve(t,e){let n=await fetch(t,{cache:"no-store"});if(!n.ok)return null;let r=await n.json();return P(r)&&r.matchId===e?r:null}function L(t,e){let n=Date.parse(t.capturedAt)-Date.parse(e.capturedAt);return n!==0?n>0:(t.seq??0)>(e.seq??0)}var $=class{#e=new Map;offer(e){let n=this.#e.get(e.matchId);return n&&!L(e,n)?{accepted:!1,reason:n.capturedAt===e.capturedAt&&n.seq===e.seq?"same":"older"}:(this.#e.set(e.matchId,e),{accepted:!0,previous:n})}get(e){return this.#e.get(e)}byTeam(){let e=new Map;for(let n of this.#e.values()){let r=e.get(n.teamId)??[];r.push(n),e.set(n.teamId,r)}return e}anyInProgress(){return[...this.#e.values()].some(e=>e.status==="in-progress")}};var H=class{#e=new Map;offer(e){let n=this.#e.get(e.matchId);return n&&!L(e.upTo,n.upTo)?!1:(this.#e.set(e.matchId,e),!0)}get(e){return this.#e.get(e)}};function A(t){let e=/^(\d{1,3})(?:\.([0-5]))?$/.exec(t.trim());return e?Number(e[1])*6+Number(e[2]??0):null}function E(t){let{runs:e,wickets:n,overs:r}=t.total,s=n>=10?`${e} all out`:`${e}/${n}`;return r==null?`${t.team} ${s}`:`${t.team} ${s} (${r} ov)`}function N(t,e){if(t.status!=="in-progress"||t.innings.length!==2)return null;let[n,r]=t.innings;if(r.total.wickets>=10)return null;let s=n.total.runs+1-r.total.runs,i=r.total.overs==null?0:A(r.total.overs);if(i==null)return null;let a=e*6-i;return s<=0||a<=0?null:{runsNeeded:s,ballsLeft:a}}function we(t){return`need ${t.runsNeeded} from ${t.ballsLeft} ${t.ballsLeft===1?"ball":"balls"}`}function Y(t){return t.status==="complete"?"complete":t.status==="not-started"||t.innings.length===0?"waiting":"live"}function Se(t,e){return e>0?(t*6/e).toFixed(2):null}function nt(t){let e=[...t.fallOfWickets.matchAll(/(\d+)-(\d+)/g)];if(e.length!==t.total.wickets||t.total.wickets>=10)return null;let n=Number(e.at(-1)?.[2]??0);if(n>t.total.runs)return null;let r=t.batting.filter(s=>!s.out&&s.runs!=null).map(s=>s.name);return{runs:t.total.runs-n,batters:r.length===2?r:[]}}function rt(t){let e=t.legal===0?"+":"";return t.wickets>0?t.runs>0?`W+${t.runs}`:"W":t.legal>1?`${t.runs} in ${t.legal}`:`${e}${t.runs}`}function st(t,e){let n=t.total.overs==null?0:A(t.total.overs);if(n==null||t.total.wickets>=10)return null;let r=n%6,s=Math.floor(n/6)+1,i=e?.thisOver?.over===s&&e.latest.legalBalls===n&&e.latest.runs===t.total.runs;return{over:s,bowled:r,balls:i?e.thisOver?.balls.map(rt)??[]:null,fromStart:i?e.thisOver?.fromStart??!1:!1}}function ke(t,e,n){let r=t.innings.length-1,s=t.innings[r];if(!s)return null;let i=s.total.overs==null?null:A(s.total.overs),a=N(t,n),l=t.status==="in-progress";return{live:l,runRate:i==null?null:Se(s.total.runs,i),target:a?s.total.runs+a.runsNeeded:null,requiredRate:a?Se(a.runsNeeded,a.ballsLeft):null,partnership:l?nt(s):null,thisOver:l?st(s,e?.innings[r]):null}}var d={batter:(t,e)=>`${t}:bat:${e}`,bowler:(t,e)=>`${t}:bowl:${e}`,extras:t=>`${t}:extras`,total:t=>`${t}:total`,fallOfWickets:t=>`${t}:fow`,summary:()=>"summary",result:()=>"result"};function ot(t,e){let n=new Map;for(let r of t.batting)n.set(d.batter(e,r.name),JSON.stringify(r));for(let r of t.bowling)n.set(d.bowler(e,r.name),JSON.stringify(r));return n.set(d.extras(e),String(t.extras)),n.set(d.total(e),JSON.stringify(t.total)),n.set(d.fallOfWickets(e),t.fallOfWickets),n}function xe(t){let e=new Map;return t.innings.forEach((n,r)=>ot(n,r).forEach((s,i)=>e.set(i,s))),e.set(d.summary(),JSON.stringify(t.innings.at(-1)?.total??null)),e.set(d.result(),String(t.result)),e}function Me(t,e){if(!t)return new Set;let n=xe(t),r=new Set;for(let[s,i]of xe(e))n.get(s)!==i&&r.add(s);return r}function Oe(t,e){if(!t)return[];let n=[];return e.innings.forEach((r,s)=>{let i=t.innings[s],a=i?.total.wickets??0;if(r.total.wickets<=a)return;let u=r.batting.filter(c=>c.out&&!i?.batting.some(m=>m.name===c.name&&m.out)).map(c=>`${c.name} ${c.howOut} ${c.runs??0}`).join("; ");n.push(`Wicket! ${u?`${u}. `:""}${E(r)}`)}),e.result&&e.result!==t.result&&n.push(`Result: ${e.result}`),n}function Te(t){let e=[],n=[],r=[{over:0,runs:0}],s={runs:0,wickets:0},i=(c,m)=>{!s&&r.length>0&&(e.push(r),r=[]),r.push(c),s&&m>s.wickets&&n.push({...c,fell:m-s.wickets}),s={runs:c.runs,wickets:m}};for(let c of t.overs)"gap"in c?s=null:i({over:c.over,runs:c.runs},c.wickets);let{legalBalls:a,runs:l,wickets:u}=t.latest;return a>t.overs.length*6&&i({over:a/6,runs:l},u),r.length>0&&e.push(r),{team:t.team,segments:e,wickets:n}}function X(t){let e={runs:0,wickets:0};return t.overs.map(n=>{let r=e;return e="gap"in n?null:n,"gap"in n||!r?{over:n.over,gap:!0}:{over:n.over,runs:n.runs-r.runs,wickets:n.wickets-r.wickets}})}function Q(t,e=4){let n=Math.max(1,t)/e,r=10**Math.floor(Math.log10(n)),s=Math.max(1,([1,2,2.5,5,10].find(i=>i*r>=n)??10)*r);return{top:Math.ceil(Math.max(1,t)/s)*s,step:s}}var it="http://www.w3.org/2000/svg";function f(t,e,n={},...r){let s=t.createElementNS(it,e);for(let[i,a]of Object.entries(n))s.setAttribute(i,typeof a=="number"?String(Math.round(a*10)/10):a);for(let i of r)i&&s.append(i);return s}var Z=300,ee=150,te=Z,Ee=ee,b={left:30,right:8,top:10,bottom:22},Ce=te-b.left-b.right,Le=Ee-b.top-b.bottom;function Ie(t,e){return{x:n=>b.left+n/t*Ce,y:n=>b.top+Le-n/e*Le}}function Re(t,e,n,r){let s=f(t,"g",{class:"axes"});for(let a=0;a<=r.top;a+=r.step){let l=e.y(a);s.append(f(t,"line",{class:"grid",x1:b.left,x2:te-b.right,y1:l,y2:l}),f(t,"text",{x:b.left-4,y:l+3.5,"text-anchor":"end"},String(a)))}let i=n<=20?5:10;for(let a=0;a<=n;a+=i)s.append(f(t,"text",{x:e.x(a),y:Ee-5,"text-anchor":"middle"},String(a)));return s}function Pe(t){let e=t.innings.map(n=>Math.ceil(n.latest.legalBalls/6));return Math.max(1,t.oversPerSide,...e)}function $e(t,e,n){let r=Pe(n),s=n.innings.map(Te),i=Math.max(n.target??0,...n.innings.map(c=>c.latest.runs)),a=Q(i),l=Ie(r,a.top),u=[Re(t,l,r,a)];if(n.target!=null){let c=l.y(n.target);u.push(f(t,"line",{class:"target",x1:b.left,x2:te-b.right,y1:c,y2:c}))}s.forEach((c,m)=>{let p=f(t,"g",{class:`series series-${m}`});for(let g of c.segments){let[k]=g;g.length===1&&k?p.append(f(t,"circle",{cx:l.x(k.over),cy:l.y(k.runs),r:1.8})):p.append(f(t,"polyline",{points:g.map(x=>`${l.x(x.over).toFixed(1)},${l.y(x.runs).toFixed(1)}`).join(" ")}))}for(let g of c.wickets)p.append(f(t,"circle",{class:"wicket",cx:l.x(g.over),cy:l.y(g.runs),r:3}));u.push(p)}),e.replaceChildren(...u)}function He(t,e,n){let r=Pe(n),s=n.innings.map(X),i=Math.max(6,...s.flat().map(p=>"gap"in p?0:p.runs)),a=Q(i,3),l=Ie(r,a.top),u=Ce/r,c=Math.max(.8,u*.8/Math.max(1,s.length)),m=[Re(t,l,r,a)];s.forEach((p,g)=>{let k=f(t,"g",{class:`series series-${g}`});for(let x of p){if("gap"in x)continue;let ie=l.x(x.over-1)+u*.1+g*c,G=l.y(x.runs);k.append(f(t,"rect",{x:ie,y:Math.min(G,l.y(0)-.8),width:c,height:Math.max(.8,l.y(0)-G)}));for(let z=0;z<x.wickets;z++)k.append(f(t,"circle",{class:"wicket",cx:ie+c/2,cy:G-3.5-z*5.5,r:Math.min(2.5,Math.max(1.5,c))}))}m.push(k)}),e.replaceChildren(...m)}var Ae=(t,e)=>e>=10?`${t} all out`:`${t}/${e}`,at=t=>t?"gap"in t?"not known":t.wickets?`${t.runs}, ${t.wickets} ${t.wickets===1?"wicket":"wickets"}`:String(t.runs):"";function Ne(t,e,n,r){return o(t,"table",{class:"visually-hidden"},o(t,"caption",{},e),o(t,"thead",{},o(t,"tr",{},o(t,"th",{scope:"col"},"Over"),...n.map(s=>o(t,"th",{scope:"col"},s)))),o(t,"tbody",{},...r.map(([s,...i])=>o(t,"tr",{},o(t,"th",{scope:"row"},s),...i.map(a=>o(t,"td",{},a))))))}function De(t,e){let n=Math.max(0,...e.innings.map(s=>s.overs.length)),r=Array.from({length:n},(s,i)=>[String(i+1),...e.innings.map(a=>{let l=a.overs[i];return l?"gap"in l?"not known":Ae(l.runs,l.wickets):""})]);return r.push(["Now",...e.innings.map(s=>Ae(s.latest.runs,s.latest.wickets))]),Ne(t,"Worm: the score at the end of each over",e.innings.map(s=>s.team),r)}function Be(t,e){let n=e.innings.map(X),r=Math.max(0,...n.map(i=>i.length)),s=Array.from({length:r},(i,a)=>[String(a+1),...n.map(l=>at(l[a]))]);return Ne(t,"Manhattan: runs in each over",e.innings.map(i=>i.team),s)}var D=class{element;#e;#t;#n;#r;#s;constructor(e,n){this.#e=e,this.#t=this.#a("worm","Worm: runs by overs"),this.#n=this.#a("manhattan","Manhattan: runs in each over"),this.#r=o(e,"ul",{class:"chart-legend"}),this.#s=o(e,"p",{class:"chart-note"}),this.element=o(e,"section",{class:"charts","aria-labelledby":`charts-${n}`},o(e,"h3",{class:"visually-hidden",id:`charts-${n}`},"Over by over"),this.#r,o(e,"div",{class:"chart-pair"},this.#t.element,this.#n.element),this.#s)}show(e){this.element.hidden=!e}showTeams(e){let n=this.#e,r=e.join(`
`);this.#r.dataset.teams!==r&&(this.#r.dataset.teams=r,this.#r.replaceChildren(...e.map((s,i)=>o(n,"li",{},o(n,"span",{class:`swatch series-${i}`,"aria-hidden":"true"}),s)),o(n,"li",{},o(n,"span",{class:"swatch wicket","aria-hidden":"true"}),"wicket")))}update(e,n){let r=this.#e,s={...n,innings:e?.innings??[]};$e(r,this.#t.chart,s),He(r,this.#n.chart,s),this.#t.table.replaceChildren(...e?[De(r,s)]:[]),this.#n.table.replaceChildren(...e?[Be(r,s)]:[]);let i=s.innings.some(a=>a.overs.some(l=>"gap"in l));this.#s.textContent=e?i?"Blank: overs no scorecard showed for certain.":"":"Over-by-over scores to come."}#a(e,n){let r=this.#e,s=f(r,"svg",{class:"chart-svg",viewBox:`0 0 ${Z} ${ee}`,"aria-hidden":"true",focusable:"false"}),i=o(r,"div");return{element:o(r,"figure",{class:`chart ${e}`},o(r,"figcaption",{},n),s,i),chart:s,table:i}}};var lt=t=>t===0?"about to start":`${t} ${t===1?"ball":"balls"} bowled`,B=class{element;#e;#t;#n;constructor(e){this.#n=e,this.#e=o(e,"p",{class:"rates"}),this.#t=o(e,"p",{class:"this-over"}),this.element=o(e,"div",{class:"figures"},this.#e,this.#t)}update(e){let n=this.#n;if(this.element.hidden=!e,!e)return;let r=(l,u)=>o(n,"span",{class:"figure"},`${l} `,o(n,"strong",{},u)),{partnership:s,thisOver:i}=e;if(this.#e.replaceChildren(...[e.runRate!=null&&r("Run rate",e.runRate),e.target!=null&&r("Target",String(e.target)),e.requiredRate!=null&&r("Required",e.requiredRate),s&&r("Partnership",s.batters.length?`${s.runs} (${s.batters.join(", ")})`:String(s.runs))].filter(l=>l!==!1&&l!==null)),this.#t.replaceChildren(),this.#t.hidden=!e.live,!i)return;let a=`Over ${i.over}${i.balls&&!i.fromStart?" (from part-way)":""}: `;this.#t.append(o(n,"span",{},a),...i.balls?i.balls.map(l=>o(n,"span",{class:l.startsWith("W")?"ball wicket-ball":"ball"},l)):[o(n,"span",{},lt(i.bowled))])}};var We=t=>t.out||t.howOut!==""||t.runs!=null;function ct(t,e,n){let r=e.batting.filter(We),{runs:s,wickets:i,overs:a}=e.total;return o(t,"table",{class:"batting"},o(t,"caption",{class:"visually-hidden"},`${e.team} batting`),o(t,"thead",{},o(t,"tr",{},o(t,"th",{scope:"col",class:"name"},"Batter"),...["R","B","4s","6s","SR"].map(l=>o(t,"th",{scope:"col",class:"num"},l)))),o(t,"tbody",{},...r.map(l=>o(t,"tr",{"data-row":d.batter(n,l.name),class:l.out?"out":"in"},o(t,"th",{scope:"row",class:"name"},o(t,"span",{class:"player"},l.name)," ",o(t,"span",{class:"how-out"},l.howOut||"not out")),o(t,"td",{class:"num runs"},y(l.runs)),o(t,"td",{class:"num"},y(l.balls)),o(t,"td",{class:"num"},y(l.fours)),o(t,"td",{class:"num"},y(l.sixes)),o(t,"td",{class:"num"},y(l.strikeRate,1))))),o(t,"tfoot",{},o(t,"tr",{"data-row":d.extras(n)},o(t,"th",{scope:"row",class:"name"},"Extras"),o(t,"td",{class:"num"},y(e.extras)),o(t,"td",{colspan:"4"})),o(t,"tr",{"data-row":d.total(n),class:"total"},o(t,"th",{scope:"row",class:"name"},"Total"),o(t,"td",{class:"num"},i>=10?String(s):`${s}/${i}`),o(t,"td",{colspan:"4",class:"total-overs"},a==null?"":`${a} overs`))))}function ut(t,e,n){return o(t,"table",{class:"bowling"},o(t,"caption",{class:"visually-hidden"},`Bowling to ${e.team}`),o(t,"thead",{},o(t,"tr",{},o(t,"th",{scope:"col",class:"name"},"Bowler"),...["O","M","R","W","Wd","Nb","Econ"].map(r=>o(t,"th",{scope:"col",class:"num"},r)))),o(t,"tbody",{},...e.bowling.map(r=>o(t,"tr",{"data-row":d.bowler(n,r.name)},o(t,"th",{scope:"row",class:"name"},o(t,"span",{class:"player"},r.name)),o(t,"td",{class:"num"},r.overs),o(t,"td",{class:"num"},y(r.maidens)),o(t,"td",{class:"num"},y(r.runs)),o(t,"td",{class:"num wickets"},y(r.wickets)),o(t,"td",{class:"num"},y(r.wides)),o(t,"td",{class:"num"},y(r.noBalls)),o(t,"td",{class:"num"},y(r.economy,2))))))}function Fe(t,e,n){let r=e.batting.filter(i=>!We(i)).map(i=>i.name);return[ct(t,e,n),r.length>0&&o(t,"p",{class:"yet-to-bat"},o(t,"strong",{},"Yet to bat: "),r.join(", ")),e.fallOfWickets&&o(t,"p",{class:"fow","data-row":d.fallOfWickets(n)},o(t,"strong",{},"Fall of wickets: "),e.fallOfWickets),e.bowling.length>0&&ut(t,e,n)].filter(i=>i!==!1&&i!=="")}var ne=t=>`/api/matches/${encodeURIComponent(t)}/report`;function _e(t){let e=t;return e&&typeof e.title=="string"&&typeof e.body=="string"&&e.title&&e.body?{title:e.title,body:e.body}:null}var W=class{constructor(e,n,r){this.matchId=n;this.load=r;this.#e=e,this.#t=o(e,"div",{class:"report-content","aria-live":"polite"}),this.element=o(e,"details",{class:"report",id:`report-${n}`,hidden:!0},o(e,"summary",{class:"report-link"},"Match report"),this.#t),this.element.addEventListener("toggle",()=>{this.element.open&&this.fetch()})}element;#e;#t;#n=!1;#r=null;show(e){this.element.hidden=!e}async open(){this.element.hidden=!1,this.element.open=!0,await this.fetch(),this.element.scrollIntoView({block:"start"})}fetch(){return this.#n?Promise.resolve():(this.#r??=this.#s().finally(()=>this.#r=null),this.#r)}async#s(){let e=this.#e;this.#t.replaceChildren(o(e,"p",{class:"report-note"},"Loading the report…"));try{let n=await this.load(this.matchId);if(!n){this.#t.replaceChildren(o(e,"p",{class:"report-note"},"The report is being written; open this again in a minute."));return}this.#t.replaceChildren(o(e,"h3",{class:"report-title"},n.title),...n.body.split(/\n{2,}/).filter(r=>r.trim()).map(r=>o(e,"p",{},r.trim()))),this.#n=!0}catch{this.#t.replaceChildren(o(e,"p",{class:"report-note"},"The report could not be loaded; open this again to retry."))}}};var ht={waiting:"Not started",live:"Live",complete:"Result"},dt=2500,F=class{constructor(e,n,r,s){this.matchId=n;this.oversPerSide=r;this.#e=e,this.#t=o(e,"span",{class:"badge"}),this.#n=o(e,"span",{class:"summary-score"}),this.#r=o(e,"span",{class:"chase"}),this.#s=o(e,"p",{class:"result","data-row":d.result()}),this.#a=o(e,"div",{class:"innings-list"}),this.#u=o(e,"a",{class:"source",rel:"noopener"},"Scorecard on the league site"),this.report=new W(e,n,s),this.#o=new B(e),this.#c=new D(e,n),this.element=o(e,"article",{class:"match",id:`match-${n}`,"data-match":n},o(e,"p",{class:"summary","data-row":d.summary()},this.#t," ",this.#n," ",this.#r),this.#o.element,this.#s,this.report.element,this.#c.element,this.#a,o(e,"p",{class:"source-line"},this.#u))}element;#e;#t;#n;#r;#s;#a;#u;#i=[];#o;#c;#d;#l;#h;report;update(e,n=new Set){this.#d=e;let r=Y(e);this.element.dataset.phase=r,this.#t.textContent=ht[r];let s=e.innings.at(-1);this.#n.textContent=s&&r!=="waiting"?E(s):"Waiting for play to start";let i=N(e,this.oversPerSide);this.#r.textContent=i?we(i):"",this.#r.hidden=!i,this.#s.textContent=e.result??"",this.#s.hidden=!e.result,this.report.show(r==="complete"),this.#u.href=e.url;let a=r==="waiting"?[]:e.innings;a.forEach((l,u)=>{let c=this.#b(u);c.heading.textContent=E(l),c.body.replaceChildren(...Fe(this.#e,l,u)),c.userToggled||(c.details.open=u===a.length-1)});for(let l of this.#i.splice(a.length))l.details.remove();this.#c.show(r!=="waiting"),this.#p(),this.#m(n)}showOvers(e){this.#l=e,this.#p()}#p(){let e=this.#d;if(!e)return;let n=Y(e)==="waiting",r=n?null:ke(e,this.#l,this.oversPerSide);if(this.#o.update(r),n)return;this.#c.showTeams(e.innings.map(l=>l.team));let[s,i]=e.innings,a={history:this.#l,target:s&&i?s.total.runs+1:null};this.#h&&this.#h.history===a.history&&this.#h.target===a.target||(this.#h=a,this.#c.update(a.history,{oversPerSide:this.oversPerSide,target:a.target}))}#b(e){let n=this.#i[e];if(n)return n;let r=this.#e,s=o(r,"span",{class:"innings-score"}),i=o(r,"div",{class:"innings-body"}),a=o(r,"details",{class:"innings","data-innings":String(e)},o(r,"summary",{"data-row":d.total(e)},s),i),l={details:a,heading:s,body:i,userToggled:!1};return a.querySelector("summary")?.addEventListener("click",()=>l.userToggled=!0),this.#i.push(l),this.#a.append(a),l}#m(e){if(e.size!==0)for(let n of this.element.querySelectorAll("[data-row]"))e.has(n.dataset.row??"")&&(n.classList.remove("changed"),n.offsetWidth,n.classList.add("changed"),setTimeout(()=>n.classList.remove("changed"),dt))}};var _=class{constructor(e,n){this.container=e;this.options=n;this.#e=e.ownerDocument}#e;#t=new Map;#n=new Map;render(e){let n=this.options.teams.length?this.options.teams:[...e.keys()].map(s=>({id:s,label:s}));if(n.length===0){this.container.replaceChildren(o(this.#e,"p",{class:"no-matches"},"No matches today")),this.#t.clear(),this.container.setAttribute("aria-busy","false");return}let r=n.map(s=>this.#s(s));this.container.replaceChildren(...r.map(s=>s.element)),n.forEach((s,i)=>{let a=r[i],l=e.get(s.id)??[];a.empty.hidden=l.length>0,a.matches.replaceChildren(...l.map(u=>this.#r(u).element));for(let u of l)this.#r(u).update(u)}),this.container.setAttribute("aria-busy","false")}update(e,n){let r=this.#n.get(e.matchId);return!r||!r.element.isConnected?!1:(r.update(e,n),!0)}cardOf(e){return this.#n.get(e)}#r(e){let n=this.#n.get(e.matchId);if(!n){n=new F(this.#e,e.matchId,this.options.oversPerSide,this.options.loadReport),this.#n.set(e.matchId,n);let r=this.options.oversOf(e.matchId);r&&n.showOvers(r)}return n}#s(e){let n=this.#t.get(e.id);if(n)return n;let r=this.#e,s=`team-${e.id}`,i=o(r,"p",{class:"no-match"},"No match today"),a=o(r,"div",{class:"matches"}),u={element:o(r,"section",{class:"team","aria-labelledby":s,"data-team":e.id},o(r,"h2",{id:s},e.label),i,a),empty:i,matches:a};return this.#t.set(e.id,u),u}};function mt(t){let e=t.lastUpdateAt==null?"":ge(t.lastUpdateAt,t.now);return t.connection.kind==="open"?t.stale?{label:"Scores may be out of date",detail:e,tone:"stale"}:{label:"Live",detail:e,tone:"live"}:t.connection.kind==="waiting"?{label:`Offline, retrying in ${Math.max(1,Math.ceil((t.connection.retryAt-t.now)/1e3))} s`,detail:e,tone:"down"}:t.connection.kind==="connecting"?{label:t.connection.attempt===0?"Connecting":"Reconnecting",detail:e,tone:"down"}:{label:"Not connected",detail:e,tone:"down"}}var U=class{constructor(e){this.element=e;let n=e.ownerDocument;this.#e=o(n,"span",{class:"status-label"}),this.#t=o(n,"span",{class:"status-detail"}),e.classList.add("live-status"),e.replaceChildren(o(n,"span",{class:"status-dot","aria-hidden":"true"}),this.#e,this.#t)}#e;#t;show(e){let{label:n,detail:r,tone:s}=mt(e);this.element.dataset.tone=s,this.#e.textContent!==n&&(this.#e.textContent=n),this.#t.textContent!==r&&(this.#t.textContent=r)}},V=class{constructor(e){this.element=e;e.setAttribute("aria-live","polite"),e.setAttribute("aria-atomic","false"),e.classList.add("visually-hidden")}say(e){let n=this.element.ownerDocument;for(let r of e)this.element.append(o(n,"p",{},r));for(;this.element.childElementCount>5;)this.element.firstElementChild?.remove()}};var v=t=>typeof t=="object"&&t!==null&&!Array.isArray(t),h=t=>typeof t=="string",O=t=>typeof t=="number"&&Number.isFinite(t)&&t>=0,re=t=>t===null||O(t),pt=new Set(["not-started","in-progress","complete"]);function ft(t){return v(t)&&h(t.name)&&h(t.howOut)&&typeof t.out=="boolean"&&["runs","balls","minutes","fours","sixes","strikeRate"].every(e=>re(t[e]))}function gt(t){return v(t)&&h(t.name)&&h(t.overs)&&["maidens","runs","wickets"].every(e=>O(t[e]))&&["wides","noBalls","economy"].every(e=>re(t[e]))}function yt(t){if(!v(t)||!h(t.team)||!h(t.fallOfWickets)||!re(t.extras))return!1;let e=t.total;return v(e)&&O(e.runs)&&O(e.wickets)&&(e.overs===null||h(e.overs))&&h(e.text)&&Array.isArray(t.batting)&&t.batting.every(ft)&&Array.isArray(t.bowling)&&t.bowling.every(gt)}function q(t){return v(t)&&t.schemaVersion===1&&h(t.matchId)&&h(t.teamId)&&h(t.url)&&h(t.capturedAt)&&!Number.isNaN(Date.parse(t.capturedAt))&&(t.seq===void 0||O(t.seq))&&pt.has(t.status)&&(t.result===null||h(t.result))&&Array.isArray(t.innings)&&t.innings.every(yt)}var bt=t=>v(t)&&h(t.capturedAt)&&O(t.seq);function vt(t){return h(t.matchId)&&h(t.teamId)&&h(t.capturedAt)&&O(t.seq)&&bt(t.base)&&Array.isArray(t.changes)&&t.changes.every(e=>v(e)&&Array.isArray(e.at))}function Ue(t){if(!h(t))return null;let e;try{e=JSON.parse(t)}catch{return null}return v(e)?e.type==="diff"?vt(e)?e:null:e.type==="overs"?P(e.history)?e:null:e.type!=="scorecard"||!q(e.scorecard)||e.fetch!==void 0&&!h(e.fetch)?null:e:null}function se(t){return(Array.isArray(t)?t:v(t)&&Array.isArray(t.scorecards)?t.scorecards:[t]).filter(q)}var wt=15e3,j=class{constructor(e,n,r={}){this.elements=e;this.config=n;this.#o=r.teamFilter?.length?new Set(r.teamFilter):null;let s=this.#o?(n.teams.length?n.teams:[...this.#o].map(i=>({id:i,label:i}))).filter(i=>this.#o?.has(i.id)):n.teams;this.#s=new _(e.board,{oversPerSide:n.oversPerSide,teams:s,oversOf:i=>this.#t.get(i),loadReport:async i=>{let a=await fetch(this.#v(ne(i)));if(a.status===404)return null;if(!a.ok)throw new Error(`GET ${ne(i)} answered ${a.status}`);return _e(await a.json())}}),this.#a=new U(e.status),this.#u=new V(e.announcer),this.#i=new I({url:n.wsUrl,onMessage:i=>void this.#p(i),onStateChange:()=>this.#y(),onReconnected:()=>void this.resync()})}#e=new $;#t=new H;#n=new Set;#r=new Map;#s;#a;#u;#i;#o;#c=()=>this.#i.nudge();#d=()=>{document.visibilityState==="visible"&&this.#i.nudge()};#l=null;#h;start(){let e=this.resync();return this.#i.start(),this.#h=setInterval(()=>this.#y(),1e3),addEventListener("online",this.#c),document.addEventListener("visibilitychange",this.#d),e}stop(){this.#i.stop(),clearInterval(this.#h),removeEventListener("online",this.#c),document.removeEventListener("visibilitychange",this.#d)}async resync(){try{let e=await fetch(this.#v("/api/scorecards"),{cache:"no-store"});if(!e.ok)throw new Error(`GET /api/scorecards answered ${e.status}`);let n=se(await e.json());for(let r of n)this.#g(r,{render:!1});this.#l=Date.now(),this.#w();for(let r of this.#e.byTeam().values())for(let s of r)this.#S(s,{always:!0})}catch(e){console.warn(`live-scores: could not load scorecards: ${e.message}`),this.#l==null&&this.#w()}}reveal(e,{report:n=!1}={}){this.elements.board.querySelector(`[data-match="${CSS.escape(e)}"]`)?.scrollIntoView({block:"start"}),n&&this.#s.cardOf(e)?.report.open()}async#p(e){let n=Ue(e);if(!n)return;if(this.#l=Date.now(),n.type==="overs"){this.#f(n.history),this.#y();return}if(n.type==="diff"){let s=this.#b(n);s&&this.#g(s,{render:!0}),this.#y();return}let r=n.scorecard;n.fetch&&(r=await this.#m(n.fetch,r.matchId)??r),this.#g(r,{render:!0}),this.#y()}#b(e){if(this.#o&&!this.#o.has(e.teamId))return;let n=this.#e.get(e.matchId);if(!(n&&!L(e,n))){if(n&&pe(n,e.base))try{let r=me(n,e.changes);if(q(r))return r}catch{}this.#i.requestSync()}}async#m(e,n){try{let r=await fetch(this.#v(e),{cache:"no-store"});return r.ok?se(await r.json()).find(s=>s.matchId===n):void 0}catch{return}}#g(e,{render:n}){if(this.#o&&!this.#o.has(e.teamId))return;let r=this.#e.offer(e);if(!r.accepted||!n)return;this.#s.update(e,Me(r.previous,e))||this.#w(),this.#u.say(Oe(r.previous,e)),this.#t.get(e.matchId)||this.#S(e,{always:!1})}#f(e){this.#o&&!this.#o.has(e.teamId)||this.#t.offer(e)&&this.#s.cardOf(e.matchId)?.showOvers(e)}async#S(e,{always:n}){let{matchId:r}=e;if(e.innings.length===0||this.#n.has(r))return;let s=Date.now();if(!(!n&&s-(this.#r.get(r)??-1/0)<wt)){this.#n.add(r),this.#r.set(r,s);try{let i=await ve(this.#v(be(r)),r);i&&this.#f(i)}catch(i){console.warn(`live-scores: could not load the overs of match ${r}: ${i.message}`)}finally{this.#n.delete(r)}}}#w(){this.#s.render(this.#e.byTeam()),this.#y()}#y(){let e=Date.now(),n=fe({lastUpdateAt:this.#l,now:e,staleAfterMs:this.config.staleAfterMs,anyInProgress:this.#e.anyInProgress()});this.elements.board.toggleAttribute("data-stale",n),this.#a.show({connection:this.#i.state,lastUpdateAt:this.#l,stale:n,now:e})}#v(e){return he(this.config.apiBase,e)}};var oe=class extends HTMLElement{#e=null;connectedCallback(){if(this.#e)return;let e=this.shadowRoot??this.attachShadow({mode:"open"}),n=this.ownerDocument,r=p=>(this.getAttribute(p)??"").split(",").map(g=>g.trim()).filter(Boolean),s=r("team"),i=r("label"),{config:a,problems:l}=ue(location.href,{api:this.getAttribute("api")??void 0,ws:this.getAttribute("ws")??void 0,overs:this.getAttribute("overs")??void 0,staleSeconds:this.getAttribute("stale-seconds")??void 0,teams:s.map((p,g)=>({id:p,label:i[g]??p}))});for(let p of l)console.warn(`<live-scores-board>: ${p}`);let u=o(n,"div",{class:"board","aria-busy":"true"}),c=o(n,"div",{class:"live-status"}),m=o(n,"div");e.replaceChildren(o(n,"style",{},ae),o(n,"div",{class:"ls-root embedded"},c,u,m)),this.#e=new j({board:u,status:c,announcer:m},a,{teamFilter:s}),this.#e.start()}disconnectedCallback(){this.#e?.stop(),this.#e=null}};customElements.get("live-scores-board")||customElements.define("live-scores-board",oe);})();
