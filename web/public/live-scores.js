"use strict";(()=>{var B=`/* The scoreboard: shared by the page and the embeddable element (inside its shadow root). */

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

.board[aria-busy='true']::before {
  content: 'Loading today’s matches…';
  color: var(--ls-muted);
}

.board[data-stale] .summary-score,
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
`;var b={title:"Live scores",oversPerSide:50,staleAfterSeconds:600,wsPath:"/live"};function H(t,e){let n=new URL(t,e);return n.protocol==="http:"&&(n.protocol="ws:"),n.protocol==="https:"&&(n.protocol="wss:"),n.toString()}function U(t,e,n){if(t===void 0)return;let r=typeof t=="string"?Number(t):t;if(typeof r=="number"&&Number.isFinite(r)&&r>0)return r;n.push(`${e}: expected a positive number, got ${JSON.stringify(t)}`)}function v(t,e,n){if(t!==void 0){if(typeof t=="string")return t.trim();n.push(`${e}: expected a string, got ${JSON.stringify(t)}`)}}function ie(t,e){if(t===void 0)return;if(typeof t=="string")return t.split(",").map(r=>r.trim()).filter(Boolean).map(r=>({id:r,label:r}));if(!(Array.isArray(t)&&t.every(r=>typeof r?.id=="string"&&(r.label===void 0||typeof r.label=="string")))){e.push('teams: expected [{ "id": "firstTeam", "label": "1st XI" }, …]');return}return t.map(r=>({id:r.id,label:r.label??r.id}))}function F(t,...e){let n=[],r=Object.assign({},...e.map(p=>ae(p))),o=(v(r.api,"api",n)??"").replace(/\/+$/,""),i=v(r.ws,"ws",n),a=o?new URL(o,t).toString():t,l;try{l=H(i||b.wsPath,a)}catch{n.push(`ws: expected a URL, got ${JSON.stringify(i)}`),l=H(b.wsPath,t)}let c=U(r.staleSeconds,"staleSeconds",n)??b.staleAfterSeconds;return{config:{title:v(r.title,"title",n)||b.title,apiBase:o,wsUrl:l,oversPerSide:Math.round(U(r.overs,"overs",n)??b.oversPerSide),staleAfterMs:c*1e3,teams:ie(r.teams,n)??[],vapidPublicKey:v(r.vapidPublicKey,"vapidPublicKey",n)||null},problems:n}}function ae(t){return Object.fromEntries(Object.entries(t).filter(([,e])=>e!=null&&e!==""))}function _(t,e){return/^https?:\/\//.test(e)?e:t?`${t}${e.startsWith("/")?"":"/"}${e}`:e}function s(t,e,n={},...r){let o=t.createElement(e);for(let[i,a]of Object.entries(n))a===!0?o.setAttribute(i,""):typeof a=="string"&&o.setAttribute(i,a);for(let i of r)i&&o.append(i);return o}function m(t,e=0){return t==null?"–":e?t.toFixed(e):String(t)}var le=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);var ce=new Set(["__proto__","prototype","constructor"]);function de(t,e){if(Array.isArray(t))return t.slice();if(le(t))return{...t};throw new Error(`diff path ${JSON.stringify(e)} goes through a value that is not an object or array`)}function q(t,e,n){if(Array.isArray(t)){if(!Number.isInteger(e)||e<0||e>t.length)throw new Error(`diff path ${JSON.stringify(n)} has an index out of range`)}else if(typeof e!="string"||ce.has(e))throw new Error(`diff path ${JSON.stringify(n)} has a key that is not allowed`)}function ue(t,e){let n=e.at;if(!Array.isArray(n))throw new Error("diff change has no path");let r={...t},o=r,i="length"in e?n:n.slice(0,-1);for(let l of i){q(o,l,n);let c=de(o[l],n);o[l]=c,o=c}if("length"in e){if(!Array.isArray(o)||!Number.isInteger(e.length)||e.length>o.length||e.length<0)throw new Error(`diff shortens ${JSON.stringify(n)}, which is not an array that long`);return o.length=e.length,r}if(n.length===0)throw new Error("diff change replaces the whole scorecard");let a=n[n.length-1];if(q(o,a,n),"remove"in e){if(Array.isArray(o))throw new Error(`diff removes ${JSON.stringify(n)} from an array`);delete o[a]}else o[a]=e.to;return r}function J(t,e){let n=t;for(let r of e)n=ue(n,r);return n}function j(t,e){return t.capturedAt===e.capturedAt&&(t.seq??0)===e.seq}function W(t){return!t.anyInProgress||t.lastUpdateAt==null?!1:t.now-t.lastUpdateAt>t.staleAfterMs}function z(t,e){let n=Math.max(0,Math.floor((e-t)/1e3));if(n<5)return"updated just now";if(n<60)return`updated ${n} s ago`;let r=Math.floor(n/60);return r<60?`updated ${r} min ago`:`updated ${Math.floor(r/60)} h ago`}var O={baseMs:1e3,maxMs:3e4};function K(t,e,n=O){let r=Math.min(n.maxMs,n.baseMs*2**Math.min(t,30));return Math.round(r/2+e()*(r/2))}var he=1,me=6e4,fe=2e3,S=class{#e;#t=null;#n=null;#r=0;#s=!1;#o;#a;#l;#i={kind:"stopped"};#d=-1/0;constructor(e){this.#e={openSocket:n=>new WebSocket(n),random:Math.random,now:Date.now,pingIntervalMs:5*6e4,maxConnectionMs:110*6e4,backoff:O,...e}}get state(){return this.#i}start(){this.#i.kind==="stopped"&&this.#m()}nudge(){this.#i.kind==="waiting"?(clearTimeout(this.#o),this.#r=0,this.#m()):this.#i.kind==="open"&&(this.#c({action:"sync"}),this.#e.onReconnected())}requestSync(){let e=this.#e.now();e-this.#d<fe||(this.#d=e,this.#c({action:"sync"}))}stop(){this.#h();for(let e of[this.#t,this.#n])e&&(e.onclose=null,e.close(1e3,"page closed"));this.#t=this.#n=null,this.#y({kind:"stopped"})}#m(){let e=this.#e.openSocket(this.#e.url);this.#t=e,this.#y({kind:"connecting",attempt:this.#r}),e.onopen=()=>{e===this.#t&&this.#p()},e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onclose=()=>{e===this.#t&&this.#g()},e.onerror=()=>{}}#p(){let e=this.#s;this.#s=!0,this.#r=0,this.#y({kind:"open"}),this.#c({action:"sync"}),clearInterval(this.#l),this.#l=setInterval(()=>this.#c({action:"ping"}),this.#e.pingIntervalMs),this.#u(this.#e.maxConnectionMs),e&&this.#e.onReconnected()}#g(){this.#h(),this.#t=null;let e=K(this.#r,this.#e.random,this.#e.backoff);this.#r+=1,this.#y({kind:"waiting",attempt:this.#r,retryAt:this.#e.now()+e}),this.#o=setTimeout(()=>this.#m(),e)}#u(e){clearTimeout(this.#a),this.#a=setTimeout(()=>this.#f(),e)}#f(){let e=this.#e.openSocket(this.#e.url);this.#n=e,e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onerror=()=>{},e.onclose=()=>{e===this.#t?this.#g():e===this.#n&&(this.#n=null,this.#u(me))},e.onopen=()=>{if(e!==this.#n)return;let n=this.#t;this.#t=e,this.#n=null,n&&(n.onclose=null,n.close(1e3,"planned reconnect")),this.#p()}}#c(e){this.#t?.readyState===he&&this.#t.send(JSON.stringify(e))}#h(){clearTimeout(this.#o),clearTimeout(this.#a),clearInterval(this.#l)}#y(e){this.#i=e,this.#e.onStateChange(e)}};function V(t){let e=/^(\d{1,3})(?:\.([0-5]))?$/.exec(t.trim());return e?Number(e[1])*6+Number(e[2]??0):null}function w(t){let{runs:e,wickets:n,overs:r}=t.total,o=n>=10?`${e} all out`:`${e}/${n}`;return r==null?`${t.team} ${o}`:`${t.team} ${o} (${r} ov)`}function G(t,e){if(t.status!=="in-progress"||t.innings.length!==2)return null;let[n,r]=t.innings;if(r.total.wickets>=10)return null;let o=n.total.runs+1-r.total.runs,i=r.total.overs==null?0:V(r.total.overs);if(i==null)return null;let a=e*6-i;return o<=0||a<=0?null:{runsNeeded:o,ballsLeft:a}}function Y(t){return`need ${t.runsNeeded} from ${t.ballsLeft} ${t.ballsLeft===1?"ball":"balls"}`}function X(t){return t.status==="complete"?"complete":t.status==="not-started"||t.innings.length===0?"waiting":"live"}var u={batter:(t,e)=>`${t}:bat:${e}`,bowler:(t,e)=>`${t}:bowl:${e}`,extras:t=>`${t}:extras`,total:t=>`${t}:total`,fallOfWickets:t=>`${t}:fow`,summary:()=>"summary",result:()=>"result"};function ge(t,e){let n=new Map;for(let r of t.batting)n.set(u.batter(e,r.name),JSON.stringify(r));for(let r of t.bowling)n.set(u.bowler(e,r.name),JSON.stringify(r));return n.set(u.extras(e),String(t.extras)),n.set(u.total(e),JSON.stringify(t.total)),n.set(u.fallOfWickets(e),t.fallOfWickets),n}function Q(t){let e=new Map;return t.innings.forEach((n,r)=>ge(n,r).forEach((o,i)=>e.set(i,o))),e.set(u.summary(),JSON.stringify(t.innings.at(-1)?.total??null)),e.set(u.result(),String(t.result)),e}function Z(t,e){if(!t)return new Set;let n=Q(t),r=new Set;for(let[o,i]of Q(e))n.get(o)!==i&&r.add(o);return r}function ee(t,e){if(!t)return[];let n=[];return e.innings.forEach((r,o)=>{let i=t.innings[o],a=i?.total.wickets??0;if(r.total.wickets<=a)return;let c=r.batting.filter(h=>h.out&&!i?.batting.some(p=>p.name===h.name&&p.out)).map(h=>`${h.name} ${h.howOut} ${h.runs??0}`).join("; ");n.push(`Wicket! ${c?`${c}. `:""}${w(r)}`)}),e.result&&e.result!==t.result&&n.push(`Result: ${e.result}`),n}var te=t=>t.out||t.howOut!==""||t.runs!=null;function ye(t,e,n){let r=e.batting.filter(te),{runs:o,wickets:i,overs:a}=e.total;return s(t,"table",{class:"batting"},s(t,"caption",{class:"visually-hidden"},`${e.team} batting`),s(t,"thead",{},s(t,"tr",{},s(t,"th",{scope:"col",class:"name"},"Batter"),...["R","B","4s","6s","SR"].map(l=>s(t,"th",{scope:"col",class:"num"},l)))),s(t,"tbody",{},...r.map(l=>s(t,"tr",{"data-row":u.batter(n,l.name),class:l.out?"out":"in"},s(t,"th",{scope:"row",class:"name"},s(t,"span",{class:"player"},l.name)," ",s(t,"span",{class:"how-out"},l.howOut||"not out")),s(t,"td",{class:"num runs"},m(l.runs)),s(t,"td",{class:"num"},m(l.balls)),s(t,"td",{class:"num"},m(l.fours)),s(t,"td",{class:"num"},m(l.sixes)),s(t,"td",{class:"num"},m(l.strikeRate,1))))),s(t,"tfoot",{},s(t,"tr",{"data-row":u.extras(n)},s(t,"th",{scope:"row",class:"name"},"Extras"),s(t,"td",{class:"num"},m(e.extras)),s(t,"td",{colspan:"4"})),s(t,"tr",{"data-row":u.total(n),class:"total"},s(t,"th",{scope:"row",class:"name"},"Total"),s(t,"td",{class:"num"},i>=10?String(o):`${o}/${i}`),s(t,"td",{colspan:"4",class:"total-overs"},a==null?"":`${a} overs`))))}function be(t,e,n){return s(t,"table",{class:"bowling"},s(t,"caption",{class:"visually-hidden"},`Bowling to ${e.team}`),s(t,"thead",{},s(t,"tr",{},s(t,"th",{scope:"col",class:"name"},"Bowler"),...["O","M","R","W","Wd","Nb","Econ"].map(r=>s(t,"th",{scope:"col",class:"num"},r)))),s(t,"tbody",{},...e.bowling.map(r=>s(t,"tr",{"data-row":u.bowler(n,r.name)},s(t,"th",{scope:"row",class:"name"},s(t,"span",{class:"player"},r.name)),s(t,"td",{class:"num"},r.overs),s(t,"td",{class:"num"},m(r.maidens)),s(t,"td",{class:"num"},m(r.runs)),s(t,"td",{class:"num wickets"},m(r.wickets)),s(t,"td",{class:"num"},m(r.wides)),s(t,"td",{class:"num"},m(r.noBalls)),s(t,"td",{class:"num"},m(r.economy,2))))))}function ne(t,e,n){let r=e.batting.filter(i=>!te(i)).map(i=>i.name);return[ye(t,e,n),r.length>0&&s(t,"p",{class:"yet-to-bat"},s(t,"strong",{},"Yet to bat: "),r.join(", ")),e.fallOfWickets&&s(t,"p",{class:"fow","data-row":u.fallOfWickets(n)},s(t,"strong",{},"Fall of wickets: "),e.fallOfWickets),e.bowling.length>0&&be(t,e,n)].filter(i=>i!==!1&&i!=="")}var I=t=>`/api/matches/${encodeURIComponent(t)}/report`;function re(t){let e=t;return e&&typeof e.title=="string"&&typeof e.body=="string"&&e.title&&e.body?{title:e.title,body:e.body}:null}var k=class{constructor(e,n,r){this.matchId=n;this.load=r;this.#e=e,this.#t=s(e,"div",{class:"report-content","aria-live":"polite"}),this.element=s(e,"details",{class:"report",id:`report-${n}`,hidden:!0},s(e,"summary",{class:"report-link"},"Match report"),this.#t),this.element.addEventListener("toggle",()=>{this.element.open&&this.fetch()})}element;#e;#t;#n=!1;#r=null;show(e){this.element.hidden=!e}async open(){this.element.hidden=!1,this.element.open=!0,await this.fetch(),this.element.scrollIntoView({block:"start"})}fetch(){return this.#n?Promise.resolve():(this.#r??=this.#s().finally(()=>this.#r=null),this.#r)}async#s(){let e=this.#e;this.#t.replaceChildren(s(e,"p",{class:"report-note"},"Loading the report…"));try{let n=await this.load(this.matchId);if(!n){this.#t.replaceChildren(s(e,"p",{class:"report-note"},"The report is being written; open this again in a minute."));return}this.#t.replaceChildren(s(e,"h3",{class:"report-title"},n.title),...n.body.split(/\n{2,}/).filter(r=>r.trim()).map(r=>s(e,"p",{},r.trim()))),this.#n=!0}catch{this.#t.replaceChildren(s(e,"p",{class:"report-note"},"The report could not be loaded; open this again to retry."))}}};var we={waiting:"Not started",live:"Live",complete:"Result"},ve=2500,x=class{constructor(e,n,r,o){this.matchId=n;this.oversPerSide=r;this.#e=e,this.#t=s(e,"span",{class:"badge"}),this.#n=s(e,"span",{class:"summary-score"}),this.#r=s(e,"span",{class:"chase"}),this.#s=s(e,"p",{class:"result","data-row":u.result()}),this.#o=s(e,"div",{class:"innings-list"}),this.#a=s(e,"a",{class:"source",rel:"noopener"},"Scorecard on the league site"),this.report=new k(e,n,o),this.element=s(e,"article",{class:"match",id:`match-${n}`,"data-match":n},s(e,"p",{class:"summary","data-row":u.summary()},this.#t," ",this.#n," ",this.#r),this.#s,this.report.element,this.#o,s(e,"p",{class:"source-line"},this.#a))}element;#e;#t;#n;#r;#s;#o;#a;#l=[];report;update(e,n=new Set){let r=X(e);this.element.dataset.phase=r,this.#t.textContent=we[r];let o=e.innings.at(-1);this.#n.textContent=o&&r!=="waiting"?w(o):"Waiting for play to start";let i=G(e,this.oversPerSide);this.#r.textContent=i?Y(i):"",this.#r.hidden=!i,this.#s.textContent=e.result??"",this.#s.hidden=!e.result,this.report.show(r==="complete"),this.#a.href=e.url;let a=r==="waiting"?[]:e.innings;a.forEach((l,c)=>{let h=this.#i(c);h.heading.textContent=w(l),h.body.replaceChildren(...ne(this.#e,l,c)),h.userToggled||(h.details.open=c===a.length-1)});for(let l of this.#l.splice(a.length))l.details.remove();this.#d(n)}#i(e){let n=this.#l[e];if(n)return n;let r=this.#e,o=s(r,"span",{class:"innings-score"}),i=s(r,"div",{class:"innings-body"}),a=s(r,"details",{class:"innings","data-innings":String(e)},s(r,"summary",{"data-row":u.total(e)},o),i),l={details:a,heading:o,body:i,userToggled:!1};return a.querySelector("summary")?.addEventListener("click",()=>l.userToggled=!0),this.#l.push(l),this.#o.append(a),l}#d(e){if(e.size!==0)for(let n of this.element.querySelectorAll("[data-row]"))e.has(n.dataset.row??"")&&(n.classList.remove("changed"),n.offsetWidth,n.classList.add("changed"),setTimeout(()=>n.classList.remove("changed"),ve))}};var M=class{constructor(e,n){this.container=e;this.options=n;this.#e=e.ownerDocument}#e;#t=new Map;#n=new Map;render(e){let n=this.options.teams.length?this.options.teams:[...e.keys()].map(o=>({id:o,label:o}));if(n.length===0){this.container.replaceChildren(s(this.#e,"p",{class:"no-matches"},"No matches today")),this.#t.clear(),this.container.setAttribute("aria-busy","false");return}let r=n.map(o=>this.#s(o));this.container.replaceChildren(...r.map(o=>o.element)),n.forEach((o,i)=>{let a=r[i],l=e.get(o.id)??[];a.empty.hidden=l.length>0,a.matches.replaceChildren(...l.map(c=>this.#r(c).element));for(let c of l)this.#r(c).update(c)}),this.container.setAttribute("aria-busy","false")}update(e,n){let r=this.#n.get(e.matchId);return!r||!r.element.isConnected?!1:(r.update(e,n),!0)}cardOf(e){return this.#n.get(e)}#r(e){let n=this.#n.get(e.matchId);return n||(n=new x(this.#e,e.matchId,this.options.oversPerSide,this.options.loadReport),this.#n.set(e.matchId,n)),n}#s(e){let n=this.#t.get(e.id);if(n)return n;let r=this.#e,o=`team-${e.id}`,i=s(r,"p",{class:"no-match"},"No match today"),a=s(r,"div",{class:"matches"}),c={element:s(r,"section",{class:"team","aria-labelledby":o,"data-team":e.id},s(r,"h2",{id:o},e.label),i,a),empty:i,matches:a};return this.#t.set(e.id,c),c}};function Se(t){let e=t.lastUpdateAt==null?"":z(t.lastUpdateAt,t.now);return t.connection.kind==="open"?t.stale?{label:"Scores may be out of date",detail:e,tone:"stale"}:{label:"Live",detail:e,tone:"live"}:t.connection.kind==="waiting"?{label:`Offline, retrying in ${Math.max(1,Math.ceil((t.connection.retryAt-t.now)/1e3))} s`,detail:e,tone:"down"}:t.connection.kind==="connecting"?{label:t.connection.attempt===0?"Connecting":"Reconnecting",detail:e,tone:"down"}:{label:"Not connected",detail:e,tone:"down"}}var A=class{constructor(e){this.element=e;let n=e.ownerDocument;this.#e=s(n,"span",{class:"status-label"}),this.#t=s(n,"span",{class:"status-detail"}),e.classList.add("live-status"),e.replaceChildren(s(n,"span",{class:"status-dot","aria-hidden":"true"}),this.#e,this.#t)}#e;#t;show(e){let{label:n,detail:r,tone:o}=Se(e);this.element.dataset.tone=o,this.#e.textContent!==n&&(this.#e.textContent=n),this.#t.textContent!==r&&(this.#t.textContent=r)}},L=class{constructor(e){this.element=e;e.setAttribute("aria-live","polite"),e.setAttribute("aria-atomic","false"),e.classList.add("visually-hidden")}say(e){let n=this.element.ownerDocument;for(let r of e)this.element.append(s(n,"p",{},r));for(;this.element.childElementCount>5;)this.element.firstElementChild?.remove()}};function P(t,e){let n=Date.parse(t.capturedAt)-Date.parse(e.capturedAt);return n!==0?n>0:(t.seq??0)>(e.seq??0)}var T=class{#e=new Map;offer(e){let n=this.#e.get(e.matchId);return n&&!P(e,n)?{accepted:!1,reason:n.capturedAt===e.capturedAt&&n.seq===e.seq?"same":"older"}:(this.#e.set(e.matchId,e),{accepted:!0,previous:n})}get(e){return this.#e.get(e)}byTeam(){let e=new Map;for(let n of this.#e.values()){let r=e.get(n.teamId)??[];r.push(n),e.set(n.teamId,r)}return e}anyInProgress(){return[...this.#e.values()].some(e=>e.status==="in-progress")}};var f=t=>typeof t=="object"&&t!==null&&!Array.isArray(t),d=t=>typeof t=="string",g=t=>typeof t=="number"&&Number.isFinite(t)&&t>=0,$=t=>t===null||g(t),ke=new Set(["not-started","in-progress","complete"]);function xe(t){return f(t)&&d(t.name)&&d(t.howOut)&&typeof t.out=="boolean"&&["runs","balls","minutes","fours","sixes","strikeRate"].every(e=>$(t[e]))}function Me(t){return f(t)&&d(t.name)&&d(t.overs)&&["maidens","runs","wickets"].every(e=>g(t[e]))&&["wides","noBalls","economy"].every(e=>$(t[e]))}function Ae(t){if(!f(t)||!d(t.team)||!d(t.fallOfWickets)||!$(t.extras))return!1;let e=t.total;return f(e)&&g(e.runs)&&g(e.wickets)&&(e.overs===null||d(e.overs))&&d(e.text)&&Array.isArray(t.batting)&&t.batting.every(xe)&&Array.isArray(t.bowling)&&t.bowling.every(Me)}function C(t){return f(t)&&t.schemaVersion===1&&d(t.matchId)&&d(t.teamId)&&d(t.url)&&d(t.capturedAt)&&!Number.isNaN(Date.parse(t.capturedAt))&&(t.seq===void 0||g(t.seq))&&ke.has(t.status)&&(t.result===null||d(t.result))&&Array.isArray(t.innings)&&t.innings.every(Ae)}var Le=t=>f(t)&&d(t.capturedAt)&&g(t.seq);function Te(t){return d(t.matchId)&&d(t.teamId)&&d(t.capturedAt)&&g(t.seq)&&Le(t.base)&&Array.isArray(t.changes)&&t.changes.every(e=>f(e)&&Array.isArray(e.at))}function se(t){if(!d(t))return null;let e;try{e=JSON.parse(t)}catch{return null}return f(e)?e.type==="diff"?Te(e)?e:null:e.type!=="scorecard"||!C(e.scorecard)||e.fetch!==void 0&&!d(e.fetch)?null:e:null}function N(t){return(Array.isArray(t)?t:f(t)&&Array.isArray(t.scorecards)?t.scorecards:[t]).filter(C)}var E=class{constructor(e,n,r={}){this.elements=e;this.config=n;this.#o=r.teamFilter?.length?new Set(r.teamFilter):null;let o=this.#o?(n.teams.length?n.teams:[...this.#o].map(i=>({id:i,label:i}))).filter(i=>this.#o?.has(i.id)):n.teams;this.#t=new M(e.board,{oversPerSide:n.oversPerSide,teams:o,loadReport:async i=>{let a=await fetch(this.#h(I(i)));if(a.status===404)return null;if(!a.ok)throw new Error(`GET ${I(i)} answered ${a.status}`);return re(await a.json())}}),this.#n=new A(e.status),this.#r=new L(e.announcer),this.#s=new S({url:n.wsUrl,onMessage:i=>void this.#m(i),onStateChange:()=>this.#c(),onReconnected:()=>void this.resync()})}#e=new T;#t;#n;#r;#s;#o;#a=()=>this.#s.nudge();#l=()=>{document.visibilityState==="visible"&&this.#s.nudge()};#i=null;#d;start(){let e=this.resync();return this.#s.start(),this.#d=setInterval(()=>this.#c(),1e3),addEventListener("online",this.#a),document.addEventListener("visibilitychange",this.#l),e}stop(){this.#s.stop(),clearInterval(this.#d),removeEventListener("online",this.#a),document.removeEventListener("visibilitychange",this.#l)}async resync(){try{let e=await fetch(this.#h("/api/scorecards"),{cache:"no-store"});if(!e.ok)throw new Error(`GET /api/scorecards answered ${e.status}`);let n=N(await e.json());for(let r of n)this.#u(r,{render:!1});this.#i=Date.now(),this.#f()}catch(e){console.warn(`live-scores: could not load scorecards: ${e.message}`),this.#i==null&&this.#f()}}reveal(e,{report:n=!1}={}){this.elements.board.querySelector(`[data-match="${CSS.escape(e)}"]`)?.scrollIntoView({block:"start"}),n&&this.#t.cardOf(e)?.report.open()}async#m(e){let n=se(e);if(!n)return;if(this.#i=Date.now(),n.type==="diff"){let o=this.#p(n);o&&this.#u(o,{render:!0}),this.#c();return}let r=n.scorecard;n.fetch&&(r=await this.#g(n.fetch,r.matchId)??r),this.#u(r,{render:!0}),this.#c()}#p(e){if(this.#o&&!this.#o.has(e.teamId))return;let n=this.#e.get(e.matchId);if(!(n&&!P(e,n))){if(n&&j(n,e.base))try{let r=J(n,e.changes);if(C(r))return r}catch{}this.#s.requestSync()}}async#g(e,n){try{let r=await fetch(this.#h(e),{cache:"no-store"});return r.ok?N(await r.json()).find(o=>o.matchId===n):void 0}catch{return}}#u(e,{render:n}){if(this.#o&&!this.#o.has(e.teamId))return;let r=this.#e.offer(e);if(!r.accepted||!n)return;this.#t.update(e,Z(r.previous,e))||this.#f(),this.#r.say(ee(r.previous,e))}#f(){this.#t.render(this.#e.byTeam()),this.#c()}#c(){let e=Date.now(),n=W({lastUpdateAt:this.#i,now:e,staleAfterMs:this.config.staleAfterMs,anyInProgress:this.#e.anyInProgress()});this.elements.board.toggleAttribute("data-stale",n),this.#n.show({connection:this.#s.state,lastUpdateAt:this.#i,stale:n,now:e})}#h(e){return _(this.config.apiBase,e)}};var D=class extends HTMLElement{#e=null;connectedCallback(){if(this.#e)return;let e=this.shadowRoot??this.attachShadow({mode:"open"}),n=this.ownerDocument,r=y=>(this.getAttribute(y)??"").split(",").map(R=>R.trim()).filter(Boolean),o=r("team"),i=r("label"),{config:a,problems:l}=F(location.href,{api:this.getAttribute("api")??void 0,ws:this.getAttribute("ws")??void 0,overs:this.getAttribute("overs")??void 0,staleSeconds:this.getAttribute("stale-seconds")??void 0,teams:o.map((y,R)=>({id:y,label:i[R]??y}))});for(let y of l)console.warn(`<live-scores-board>: ${y}`);let c=s(n,"div",{class:"board","aria-busy":"true"}),h=s(n,"div",{class:"live-status"}),p=s(n,"div");e.replaceChildren(s(n,"style",{},B),s(n,"div",{class:"ls-root embedded"},h,c,p)),this.#e=new E({board:c,status:h,announcer:p},a,{teamFilter:o}),this.#e.start()}disconnectedCallback(){this.#e?.stop(),this.#e=null}};customElements.get("live-scores-board")||customElements.define("live-scores-board",D);})();
