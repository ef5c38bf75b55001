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
`;var b={title:"Live scores",oversPerSide:50,staleAfterSeconds:600,wsPath:"/live"};function N(t,e){let n=new URL(t,e);return n.protocol==="http:"&&(n.protocol="ws:"),n.protocol==="https:"&&(n.protocol="wss:"),n.toString()}function H(t,e,n){if(t===void 0)return;let s=typeof t=="string"?Number(t):t;if(typeof s=="number"&&Number.isFinite(s)&&s>0)return s;n.push(`${e}: expected a positive number, got ${JSON.stringify(t)}`)}function v(t,e,n){if(t!==void 0){if(typeof t=="string")return t.trim();n.push(`${e}: expected a string, got ${JSON.stringify(t)}`)}}function ne(t,e){if(t===void 0)return;if(typeof t=="string")return t.split(",").map(s=>s.trim()).filter(Boolean).map(s=>({id:s,label:s}));if(!(Array.isArray(t)&&t.every(s=>typeof s?.id=="string"&&(s.label===void 0||typeof s.label=="string")))){e.push('teams: expected [{ "id": "firstTeam", "label": "1st XI" }, …]');return}return t.map(s=>({id:s.id,label:s.label??s.id}))}function D(t,...e){let n=[],s=Object.assign({},...e.map(p=>se(p))),o=(v(s.api,"api",n)??"").replace(/\/+$/,""),i=v(s.ws,"ws",n),a=o?new URL(o,t).toString():t,l;try{l=N(i||b.wsPath,a)}catch{n.push(`ws: expected a URL, got ${JSON.stringify(i)}`),l=N(b.wsPath,t)}let c=H(s.staleSeconds,"staleSeconds",n)??b.staleAfterSeconds;return{config:{title:v(s.title,"title",n)||b.title,apiBase:o,wsUrl:l,oversPerSide:Math.round(H(s.overs,"overs",n)??b.oversPerSide),staleAfterMs:c*1e3,teams:ne(s.teams,n)??[],vapidPublicKey:v(s.vapidPublicKey,"vapidPublicKey",n)||null},problems:n}}function se(t){return Object.fromEntries(Object.entries(t).filter(([,e])=>e!=null&&e!==""))}function U(t,e){return/^https?:\/\//.test(e)?e:t?`${t}${e.startsWith("/")?"":"/"}${e}`:e}function r(t,e,n={},...s){let o=t.createElement(e);for(let[i,a]of Object.entries(n))a===!0?o.setAttribute(i,""):typeof a=="string"&&o.setAttribute(i,a);for(let i of s)i&&o.append(i);return o}function h(t,e=0){return t==null?"–":e?t.toFixed(e):String(t)}function F(t){return!t.anyInProgress||t.lastUpdateAt==null?!1:t.now-t.lastUpdateAt>t.staleAfterMs}function W(t,e){let n=Math.max(0,Math.floor((e-t)/1e3));if(n<5)return"updated just now";if(n<60)return`updated ${n} s ago`;let s=Math.floor(n/60);return s<60?`updated ${s} min ago`:`updated ${Math.floor(s/60)} h ago`}var R={baseMs:1e3,maxMs:3e4};function _(t,e,n=R){let s=Math.min(n.maxMs,n.baseMs*2**Math.min(t,30));return Math.round(s/2+e()*(s/2))}var re=1,oe=6e4,S=class{#e;#t=null;#n=null;#s=0;#r=!1;#o;#a;#l;#i={kind:"stopped"};constructor(e){this.#e={openSocket:n=>new WebSocket(n),random:Math.random,now:Date.now,pingIntervalMs:5*6e4,maxConnectionMs:110*6e4,backoff:R,...e}}get state(){return this.#i}start(){this.#i.kind==="stopped"&&this.#c()}nudge(){this.#i.kind==="waiting"?(clearTimeout(this.#o),this.#s=0,this.#c()):this.#i.kind==="open"&&(this.#d({action:"sync"}),this.#e.onReconnected())}stop(){this.#u();for(let e of[this.#t,this.#n])e&&(e.onclose=null,e.close(1e3,"page closed"));this.#t=this.#n=null,this.#g({kind:"stopped"})}#c(){let e=this.#e.openSocket(this.#e.url);this.#t=e,this.#g({kind:"connecting",attempt:this.#s}),e.onopen=()=>{e===this.#t&&this.#p()},e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onclose=()=>{e===this.#t&&this.#f()},e.onerror=()=>{}}#p(){let e=this.#r;this.#r=!0,this.#s=0,this.#g({kind:"open"}),this.#d({action:"sync"}),clearInterval(this.#l),this.#l=setInterval(()=>this.#d({action:"ping"}),this.#e.pingIntervalMs),this.#m(this.#e.maxConnectionMs),e&&this.#e.onReconnected()}#f(){this.#u(),this.#t=null;let e=_(this.#s,this.#e.random,this.#e.backoff);this.#s+=1,this.#g({kind:"waiting",attempt:this.#s,retryAt:this.#e.now()+e}),this.#o=setTimeout(()=>this.#c(),e)}#m(e){clearTimeout(this.#a),this.#a=setTimeout(()=>this.#h(),e)}#h(){let e=this.#e.openSocket(this.#e.url);this.#n=e,e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onerror=()=>{},e.onclose=()=>{e===this.#t?this.#f():e===this.#n&&(this.#n=null,this.#m(oe))},e.onopen=()=>{if(e!==this.#n)return;let n=this.#t;this.#t=e,this.#n=null,n&&(n.onclose=null,n.close(1e3,"planned reconnect")),this.#p()}}#d(e){this.#t?.readyState===re&&this.#t.send(JSON.stringify(e))}#u(){clearTimeout(this.#o),clearTimeout(this.#a),clearInterval(this.#l)}#g(e){this.#i=e,this.#e.onStateChange(e)}};function z(t){let e=/^(\d{1,3})(?:\.([0-5]))?$/.exec(t.trim());return e?Number(e[1])*6+Number(e[2]??0):null}function y(t){let{runs:e,wickets:n,overs:s}=t.total,o=n>=10?`${e} all out`:`${e}/${n}`;return s==null?`${t.team} ${o}`:`${t.team} ${o} (${s} ov)`}function K(t,e){if(t.status!=="in-progress"||t.innings.length!==2)return null;let[n,s]=t.innings;if(s.total.wickets>=10)return null;let o=n.total.runs+1-s.total.runs,i=s.total.overs==null?0:z(s.total.overs);if(i==null)return null;let a=e*6-i;return o<=0||a<=0?null:{runsNeeded:o,ballsLeft:a}}function j(t){return`need ${t.runsNeeded} from ${t.ballsLeft} ${t.ballsLeft===1?"ball":"balls"}`}function V(t){return t.status==="complete"?"complete":t.status==="not-started"||t.innings.length===0?"waiting":"live"}var d={batter:(t,e)=>`${t}:bat:${e}`,bowler:(t,e)=>`${t}:bowl:${e}`,extras:t=>`${t}:extras`,total:t=>`${t}:total`,fallOfWickets:t=>`${t}:fow`,summary:()=>"summary",result:()=>"result"};function ae(t,e){let n=new Map;for(let s of t.batting)n.set(d.batter(e,s.name),JSON.stringify(s));for(let s of t.bowling)n.set(d.bowler(e,s.name),JSON.stringify(s));return n.set(d.extras(e),String(t.extras)),n.set(d.total(e),JSON.stringify(t.total)),n.set(d.fallOfWickets(e),t.fallOfWickets),n}function q(t){let e=new Map;return t.innings.forEach((n,s)=>ae(n,s).forEach((o,i)=>e.set(i,o))),e.set(d.summary(),JSON.stringify(t.innings.at(-1)?.total??null)),e.set(d.result(),String(t.result)),e}function J(t,e){if(!t)return new Set;let n=q(t),s=new Set;for(let[o,i]of q(e))n.get(o)!==i&&s.add(o);return s}function G(t,e){if(!t)return[];let n=[];return e.innings.forEach((s,o)=>{let i=t.innings[o],a=i?.total.wickets??0;if(s.total.wickets<=a)return;let c=s.batting.filter(u=>u.out&&!i?.batting.some(p=>p.name===u.name&&p.out)).map(u=>`${u.name} ${u.howOut} ${u.runs??0}`).join("; ");n.push(`Wicket! ${c?`${c}. `:""}${y(s)}`)}),e.result&&e.result!==t.result&&n.push(`Result: ${e.result}`),n}var Y=t=>t.out||t.howOut!==""||t.runs!=null;function le(t,e,n){let s=e.batting.filter(Y),{runs:o,wickets:i,overs:a}=e.total;return r(t,"table",{class:"batting"},r(t,"caption",{class:"visually-hidden"},`${e.team} batting`),r(t,"thead",{},r(t,"tr",{},r(t,"th",{scope:"col",class:"name"},"Batter"),...["R","B","4s","6s","SR"].map(l=>r(t,"th",{scope:"col",class:"num"},l)))),r(t,"tbody",{},...s.map(l=>r(t,"tr",{"data-row":d.batter(n,l.name),class:l.out?"out":"in"},r(t,"th",{scope:"row",class:"name"},r(t,"span",{class:"player"},l.name)," ",r(t,"span",{class:"how-out"},l.howOut||"not out")),r(t,"td",{class:"num runs"},h(l.runs)),r(t,"td",{class:"num"},h(l.balls)),r(t,"td",{class:"num"},h(l.fours)),r(t,"td",{class:"num"},h(l.sixes)),r(t,"td",{class:"num"},h(l.strikeRate,1))))),r(t,"tfoot",{},r(t,"tr",{"data-row":d.extras(n)},r(t,"th",{scope:"row",class:"name"},"Extras"),r(t,"td",{class:"num"},h(e.extras)),r(t,"td",{colspan:"4"})),r(t,"tr",{"data-row":d.total(n),class:"total"},r(t,"th",{scope:"row",class:"name"},"Total"),r(t,"td",{class:"num"},i>=10?String(o):`${o}/${i}`),r(t,"td",{colspan:"4",class:"total-overs"},a==null?"":`${a} overs`))))}function ce(t,e,n){return r(t,"table",{class:"bowling"},r(t,"caption",{class:"visually-hidden"},`Bowling to ${e.team}`),r(t,"thead",{},r(t,"tr",{},r(t,"th",{scope:"col",class:"name"},"Bowler"),...["O","M","R","W","Wd","Nb","Econ"].map(s=>r(t,"th",{scope:"col",class:"num"},s)))),r(t,"tbody",{},...e.bowling.map(s=>r(t,"tr",{"data-row":d.bowler(n,s.name)},r(t,"th",{scope:"row",class:"name"},r(t,"span",{class:"player"},s.name)),r(t,"td",{class:"num"},s.overs),r(t,"td",{class:"num"},h(s.maidens)),r(t,"td",{class:"num"},h(s.runs)),r(t,"td",{class:"num wickets"},h(s.wickets)),r(t,"td",{class:"num"},h(s.wides)),r(t,"td",{class:"num"},h(s.noBalls)),r(t,"td",{class:"num"},h(s.economy,2))))))}function X(t,e,n){let s=e.batting.filter(i=>!Y(i)).map(i=>i.name);return[le(t,e,n),s.length>0&&r(t,"p",{class:"yet-to-bat"},r(t,"strong",{},"Yet to bat: "),s.join(", ")),e.fallOfWickets&&r(t,"p",{class:"fow","data-row":d.fallOfWickets(n)},r(t,"strong",{},"Fall of wickets: "),e.fallOfWickets),e.bowling.length>0&&ce(t,e,n)].filter(i=>i!==!1&&i!=="")}var P=t=>`/api/matches/${encodeURIComponent(t)}/report`;function Q(t){let e=t;return e&&typeof e.title=="string"&&typeof e.body=="string"&&e.title&&e.body?{title:e.title,body:e.body}:null}var k=class{constructor(e,n,s){this.matchId=n;this.load=s;this.#e=e,this.#t=r(e,"div",{class:"report-content","aria-live":"polite"}),this.element=r(e,"details",{class:"report",id:`report-${n}`,hidden:!0},r(e,"summary",{class:"report-link"},"Match report"),this.#t),this.element.addEventListener("toggle",()=>{this.element.open&&this.fetch()})}element;#e;#t;#n=!1;#s=null;show(e){this.element.hidden=!e}async open(){this.element.hidden=!1,this.element.open=!0,await this.fetch(),this.element.scrollIntoView({block:"start"})}fetch(){return this.#n?Promise.resolve():(this.#s??=this.#r().finally(()=>this.#s=null),this.#s)}async#r(){let e=this.#e;this.#t.replaceChildren(r(e,"p",{class:"report-note"},"Loading the report…"));try{let n=await this.load(this.matchId);if(!n){this.#t.replaceChildren(r(e,"p",{class:"report-note"},"The report is being written; open this again in a minute."));return}this.#t.replaceChildren(r(e,"h3",{class:"report-title"},n.title),...n.body.split(/\n{2,}/).filter(s=>s.trim()).map(s=>r(e,"p",{},s.trim()))),this.#n=!0}catch{this.#t.replaceChildren(r(e,"p",{class:"report-note"},"The report could not be loaded; open this again to retry."))}}};var de={waiting:"Not started",live:"Live",complete:"Result"},ue=2500,x=class{constructor(e,n,s,o){this.matchId=n;this.oversPerSide=s;this.#e=e,this.#t=r(e,"span",{class:"badge"}),this.#n=r(e,"span",{class:"summary-score"}),this.#s=r(e,"span",{class:"chase"}),this.#r=r(e,"p",{class:"result","data-row":d.result()}),this.#o=r(e,"div",{class:"innings-list"}),this.#a=r(e,"a",{class:"source",rel:"noopener"},"Scorecard on the league site"),this.report=new k(e,n,o),this.element=r(e,"article",{class:"match",id:`match-${n}`,"data-match":n},r(e,"p",{class:"summary","data-row":d.summary()},this.#t," ",this.#n," ",this.#s),this.#r,this.report.element,this.#o,r(e,"p",{class:"source-line"},this.#a))}element;#e;#t;#n;#s;#r;#o;#a;#l=[];report;update(e,n=new Set){let s=V(e);this.element.dataset.phase=s,this.#t.textContent=de[s];let o=e.innings.at(-1);this.#n.textContent=o&&s!=="waiting"?y(o):"Waiting for play to start";let i=K(e,this.oversPerSide);this.#s.textContent=i?j(i):"",this.#s.hidden=!i,this.#r.textContent=e.result??"",this.#r.hidden=!e.result,this.report.show(s==="complete"),this.#a.href=e.url;let a=s==="waiting"?[]:e.innings;a.forEach((l,c)=>{let u=this.#i(c);u.heading.textContent=y(l),u.body.replaceChildren(...X(this.#e,l,c)),u.userToggled||(u.details.open=c===a.length-1)});for(let l of this.#l.splice(a.length))l.details.remove();this.#c(n)}#i(e){let n=this.#l[e];if(n)return n;let s=this.#e,o=r(s,"span",{class:"innings-score"}),i=r(s,"div",{class:"innings-body"}),a=r(s,"details",{class:"innings","data-innings":String(e)},r(s,"summary",{"data-row":d.total(e)},o),i),l={details:a,heading:o,body:i,userToggled:!1};return a.querySelector("summary")?.addEventListener("click",()=>l.userToggled=!0),this.#l.push(l),this.#o.append(a),l}#c(e){if(e.size!==0)for(let n of this.element.querySelectorAll("[data-row]"))e.has(n.dataset.row??"")&&(n.classList.remove("changed"),n.offsetWidth,n.classList.add("changed"),setTimeout(()=>n.classList.remove("changed"),ue))}};var M=class{constructor(e,n){this.container=e;this.options=n;this.#e=e.ownerDocument}#e;#t=new Map;#n=new Map;render(e){let n=this.options.teams.length?this.options.teams:[...e.keys()].map(o=>({id:o,label:o}));if(n.length===0){this.container.replaceChildren(r(this.#e,"p",{class:"no-matches"},"No matches today")),this.#t.clear(),this.container.setAttribute("aria-busy","false");return}let s=n.map(o=>this.#r(o));this.container.replaceChildren(...s.map(o=>o.element)),n.forEach((o,i)=>{let a=s[i],l=e.get(o.id)??[];a.empty.hidden=l.length>0,a.matches.replaceChildren(...l.map(c=>this.#s(c).element));for(let c of l)this.#s(c).update(c)}),this.container.setAttribute("aria-busy","false")}update(e,n){let s=this.#n.get(e.matchId);return!s||!s.element.isConnected?!1:(s.update(e,n),!0)}cardOf(e){return this.#n.get(e)}#s(e){let n=this.#n.get(e.matchId);return n||(n=new x(this.#e,e.matchId,this.options.oversPerSide,this.options.loadReport),this.#n.set(e.matchId,n)),n}#r(e){let n=this.#t.get(e.id);if(n)return n;let s=this.#e,o=`team-${e.id}`,i=r(s,"p",{class:"no-match"},"No match today"),a=r(s,"div",{class:"matches"}),c={element:r(s,"section",{class:"team","aria-labelledby":o,"data-team":e.id},r(s,"h2",{id:o},e.label),i,a),empty:i,matches:a};return this.#t.set(e.id,c),c}};function me(t){let e=t.lastUpdateAt==null?"":W(t.lastUpdateAt,t.now);return t.connection.kind==="open"?t.stale?{label:"Scores may be out of date",detail:e,tone:"stale"}:{label:"Live",detail:e,tone:"live"}:t.connection.kind==="waiting"?{label:`Offline, retrying in ${Math.max(1,Math.ceil((t.connection.retryAt-t.now)/1e3))} s`,detail:e,tone:"down"}:t.connection.kind==="connecting"?{label:t.connection.attempt===0?"Connecting":"Reconnecting",detail:e,tone:"down"}:{label:"Not connected",detail:e,tone:"down"}}var L=class{constructor(e){this.element=e;let n=e.ownerDocument;this.#e=r(n,"span",{class:"status-label"}),this.#t=r(n,"span",{class:"status-detail"}),e.classList.add("live-status"),e.replaceChildren(r(n,"span",{class:"status-dot","aria-hidden":"true"}),this.#e,this.#t)}#e;#t;show(e){let{label:n,detail:s,tone:o}=me(e);this.element.dataset.tone=o,this.#e.textContent!==n&&(this.#e.textContent=n),this.#t.textContent!==s&&(this.#t.textContent=s)}},T=class{constructor(e){this.element=e;e.setAttribute("aria-live","polite"),e.setAttribute("aria-atomic","false"),e.classList.add("visually-hidden")}say(e){let n=this.element.ownerDocument;for(let s of e)this.element.append(r(n,"p",{},s));for(;this.element.childElementCount>5;)this.element.firstElementChild?.remove()}};function he(t,e){let n=Date.parse(t.capturedAt)-Date.parse(e.capturedAt);return n!==0?n>0:(t.seq??0)>(e.seq??0)}var E=class{#e=new Map;offer(e){let n=this.#e.get(e.matchId);return n&&!he(e,n)?{accepted:!1,reason:n.capturedAt===e.capturedAt&&n.seq===e.seq?"same":"older"}:(this.#e.set(e.matchId,e),{accepted:!0,previous:n})}get(e){return this.#e.get(e)}byTeam(){let e=new Map;for(let n of this.#e.values()){let s=e.get(n.teamId)??[];s.push(n),e.set(n.teamId,s)}return e}anyInProgress(){return[...this.#e.values()].some(e=>e.status==="in-progress")}};var f=t=>typeof t=="object"&&t!==null&&!Array.isArray(t),m=t=>typeof t=="string",w=t=>typeof t=="number"&&Number.isFinite(t)&&t>=0,$=t=>t===null||w(t),pe=new Set(["not-started","in-progress","complete"]);function fe(t){return f(t)&&m(t.name)&&m(t.howOut)&&typeof t.out=="boolean"&&["runs","balls","minutes","fours","sixes","strikeRate"].every(e=>$(t[e]))}function ge(t){return f(t)&&m(t.name)&&m(t.overs)&&["maidens","runs","wickets"].every(e=>w(t[e]))&&["wides","noBalls","economy"].every(e=>$(t[e]))}function be(t){if(!f(t)||!m(t.team)||!m(t.fallOfWickets)||!$(t.extras))return!1;let e=t.total;return f(e)&&w(e.runs)&&w(e.wickets)&&(e.overs===null||m(e.overs))&&m(e.text)&&Array.isArray(t.batting)&&t.batting.every(fe)&&Array.isArray(t.bowling)&&t.bowling.every(ge)}function Z(t){return f(t)&&t.schemaVersion===1&&m(t.matchId)&&m(t.teamId)&&m(t.url)&&m(t.capturedAt)&&!Number.isNaN(Date.parse(t.capturedAt))&&(t.seq===void 0||w(t.seq))&&pe.has(t.status)&&(t.result===null||m(t.result))&&Array.isArray(t.innings)&&t.innings.every(be)}function ee(t){if(!m(t))return null;let e;try{e=JSON.parse(t)}catch{return null}return!f(e)||e.type!=="scorecard"||!Z(e.scorecard)||e.fetch!==void 0&&!m(e.fetch)?null:e}function I(t){return(Array.isArray(t)?t:f(t)&&Array.isArray(t.scorecards)?t.scorecards:[t]).filter(Z)}var A=class{constructor(e,n,s={}){this.elements=e;this.config=n;this.#o=s.teamFilter?.length?new Set(s.teamFilter):null;let o=this.#o?(n.teams.length?n.teams:[...this.#o].map(i=>({id:i,label:i}))).filter(i=>this.#o?.has(i.id)):n.teams;this.#t=new M(e.board,{oversPerSide:n.oversPerSide,teams:o,loadReport:async i=>{let a=await fetch(this.#u(P(i)));if(a.status===404)return null;if(!a.ok)throw new Error(`GET ${P(i)} answered ${a.status}`);return Q(await a.json())}}),this.#n=new L(e.status),this.#s=new T(e.announcer),this.#r=new S({url:n.wsUrl,onMessage:i=>void this.#p(i),onStateChange:()=>this.#d(),onReconnected:()=>void this.resync()})}#e=new E;#t;#n;#s;#r;#o;#a=()=>this.#r.nudge();#l=()=>{document.visibilityState==="visible"&&this.#r.nudge()};#i=null;#c;start(){let e=this.resync();return this.#r.start(),this.#c=setInterval(()=>this.#d(),1e3),addEventListener("online",this.#a),document.addEventListener("visibilitychange",this.#l),e}stop(){this.#r.stop(),clearInterval(this.#c),removeEventListener("online",this.#a),document.removeEventListener("visibilitychange",this.#l)}async resync(){try{let e=await fetch(this.#u("/api/scorecards"),{cache:"no-store"});if(!e.ok)throw new Error(`GET /api/scorecards answered ${e.status}`);let n=I(await e.json());for(let s of n)this.#m(s,{render:!1});this.#i=Date.now(),this.#h()}catch(e){console.warn(`live-scores: could not load scorecards: ${e.message}`),this.#i==null&&this.#h()}}reveal(e,{report:n=!1}={}){this.elements.board.querySelector(`[data-match="${CSS.escape(e)}"]`)?.scrollIntoView({block:"start"}),n&&this.#t.cardOf(e)?.report.open()}async#p(e){let n=ee(e);if(!n)return;this.#i=Date.now();let s=n.scorecard;n.fetch&&(s=await this.#f(n.fetch,s.matchId)??s),this.#m(s,{render:!0}),this.#d()}async#f(e,n){try{let s=await fetch(this.#u(e),{cache:"no-store"});return s.ok?I(await s.json()).find(o=>o.matchId===n):void 0}catch{return}}#m(e,{render:n}){if(this.#o&&!this.#o.has(e.teamId))return;let s=this.#e.offer(e);if(!s.accepted||!n)return;this.#t.update(e,J(s.previous,e))||this.#h(),this.#s.say(G(s.previous,e))}#h(){this.#t.render(this.#e.byTeam()),this.#d()}#d(){let e=Date.now(),n=F({lastUpdateAt:this.#i,now:e,staleAfterMs:this.config.staleAfterMs,anyInProgress:this.#e.anyInProgress()});this.elements.board.toggleAttribute("data-stale",n),this.#n.show({connection:this.#r.state,lastUpdateAt:this.#i,stale:n,now:e})}#u(e){return U(this.config.apiBase,e)}};var O=class extends HTMLElement{#e=null;connectedCallback(){if(this.#e)return;let e=this.shadowRoot??this.attachShadow({mode:"open"}),n=this.ownerDocument,s=g=>(this.getAttribute(g)??"").split(",").map(C=>C.trim()).filter(Boolean),o=s("team"),i=s("label"),{config:a,problems:l}=D(location.href,{api:this.getAttribute("api")??void 0,ws:this.getAttribute("ws")??void 0,overs:this.getAttribute("overs")??void 0,staleSeconds:this.getAttribute("stale-seconds")??void 0,teams:o.map((g,C)=>({id:g,label:i[C]??g}))});for(let g of l)console.warn(`<live-scores-board>: ${g}`);let c=r(n,"div",{class:"board","aria-busy":"true"}),u=r(n,"div",{class:"live-status"}),p=r(n,"div");e.replaceChildren(r(n,"style",{},B),r(n,"div",{class:"ls-root embedded"},u,c,p)),this.#e=new A({board:c,status:u,announcer:p},a,{teamFilter:o}),this.#e.start()}disconnectedCallback(){this.#e?.stop(),this.#e=null}};customElements.get("live-scores-board")||customElements.define("live-scores-board",O);})();
