"use strict";(()=>{var N=`/* The scoreboard: shared by the page and the embeddable element (inside its shadow root). */

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
`;var b={title:"Live scores",oversPerSide:50,staleAfterSeconds:600,wsPath:"/live"};function D(t,e){let n=new URL(t,e);return n.protocol==="http:"&&(n.protocol="ws:"),n.protocol==="https:"&&(n.protocol="wss:"),n.toString()}function B(t,e,n){if(t===void 0)return;let s=typeof t=="string"?Number(t):t;if(typeof s=="number"&&Number.isFinite(s)&&s>0)return s;n.push(`${e}: expected a positive number, got ${JSON.stringify(t)}`)}function v(t,e,n){if(t!==void 0){if(typeof t=="string")return t.trim();n.push(`${e}: expected a string, got ${JSON.stringify(t)}`)}}function se(t,e){if(t===void 0)return;if(typeof t=="string")return t.split(",").map(s=>s.trim()).filter(Boolean).map(s=>({id:s,label:s}));if(!(Array.isArray(t)&&t.every(s=>typeof s?.id=="string"&&(s.label===void 0||typeof s.label=="string")))){e.push('teams: expected [{ "id": "firstTeam", "label": "1st XI" }, …]');return}return t.map(s=>({id:s.id,label:s.label??s.id}))}function H(t,...e){let n=[],s=Object.assign({},...e.map(p=>re(p))),o=(v(s.api,"api",n)??"").replace(/\/+$/,""),i=v(s.ws,"ws",n),l=o?new URL(o,t).toString():t,a;try{a=D(i||b.wsPath,l)}catch{n.push(`ws: expected a URL, got ${JSON.stringify(i)}`),a=D(b.wsPath,t)}let c=B(s.staleSeconds,"staleSeconds",n)??b.staleAfterSeconds;return{config:{title:v(s.title,"title",n)||b.title,apiBase:o,wsUrl:a,oversPerSide:Math.round(B(s.overs,"overs",n)??b.oversPerSide),staleAfterMs:c*1e3,teams:se(s.teams,n)??[],vapidPublicKey:v(s.vapidPublicKey,"vapidPublicKey",n)||null},problems:n}}function re(t){return Object.fromEntries(Object.entries(t).filter(([,e])=>e!=null&&e!==""))}function U(t,e){return/^https?:\/\//.test(e)?e:t?`${t}${e.startsWith("/")?"":"/"}${e}`:e}function r(t,e,n={},...s){let o=t.createElement(e);for(let[i,l]of Object.entries(n))l===!0?o.setAttribute(i,""):typeof l=="string"&&o.setAttribute(i,l);for(let i of s)i&&o.append(i);return o}function m(t,e=0){return t==null?"–":e?t.toFixed(e):String(t)}var oe=t=>typeof t=="object"&&t!==null&&!Array.isArray(t);var ie=new Set(["__proto__","prototype","constructor"]);function ae(t,e){if(Array.isArray(t))return t.slice();if(oe(t))return{...t};throw new Error(`diff path ${JSON.stringify(e)} goes through a value that is not an object or array`)}function _(t,e,n){if(Array.isArray(t)){if(!Number.isInteger(e)||e<0||e>t.length)throw new Error(`diff path ${JSON.stringify(n)} has an index out of range`)}else if(typeof e!="string"||ie.has(e))throw new Error(`diff path ${JSON.stringify(n)} has a key that is not allowed`)}function le(t,e){let n=e.at;if(!Array.isArray(n))throw new Error("diff change has no path");let s={...t},o=s,i="length"in e?n:n.slice(0,-1);for(let a of i){_(o,a,n);let c=ae(o[a],n);o[a]=c,o=c}if("length"in e){if(!Array.isArray(o)||!Number.isInteger(e.length)||e.length>o.length||e.length<0)throw new Error(`diff shortens ${JSON.stringify(n)}, which is not an array that long`);return o.length=e.length,s}if(n.length===0)throw new Error("diff change replaces the whole scorecard");let l=n[n.length-1];if(_(o,l,n),"remove"in e){if(Array.isArray(o))throw new Error(`diff removes ${JSON.stringify(n)} from an array`);delete o[l]}else o[l]=e.to;return s}function F(t,e){let n=t;for(let s of e)n=le(n,s);return n}function q(t,e){return t.capturedAt===e.capturedAt&&(t.seq??0)===e.seq}function J(t){return!t.anyInProgress||t.lastUpdateAt==null?!1:t.now-t.lastUpdateAt>t.staleAfterMs}function W(t,e){let n=Math.max(0,Math.floor((e-t)/1e3));if(n<5)return"updated just now";if(n<60)return`updated ${n} s ago`;let s=Math.floor(n/60);return s<60?`updated ${s} min ago`:`updated ${Math.floor(s/60)} h ago`}var I={baseMs:1e3,maxMs:3e4};function j(t,e,n=I){let s=Math.min(n.maxMs,n.baseMs*2**Math.min(t,30));return Math.round(s/2+e()*(s/2))}var ce=1,ue=6e4,de=2e3,S=class{#e;#t=null;#n=null;#s=0;#r=!1;#o;#a;#l;#i={kind:"stopped"};#u=-1/0;constructor(e){this.#e={openSocket:n=>new WebSocket(n),random:Math.random,now:Date.now,pingIntervalMs:5*6e4,maxConnectionMs:110*6e4,backoff:I,...e}}get state(){return this.#i}start(){this.#i.kind==="stopped"&&this.#h()}nudge(){this.#i.kind==="waiting"?(clearTimeout(this.#o),this.#s=0,this.#h()):this.#i.kind==="open"&&(this.#c({action:"sync"}),this.#e.onReconnected())}requestSync(){let e=this.#e.now();e-this.#u<de||(this.#u=e,this.#c({action:"sync"}))}stop(){this.#f();for(let e of[this.#t,this.#n])e&&(e.onclose=null,e.close(1e3,"page closed"));this.#t=this.#n=null,this.#y({kind:"stopped"})}#h(){let e=this.#e.openSocket(this.#e.url);this.#t=e,this.#y({kind:"connecting",attempt:this.#s}),e.onopen=()=>{e===this.#t&&this.#p()},e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onclose=()=>{e===this.#t&&this.#g()},e.onerror=()=>{}}#p(){let e=this.#r;this.#r=!0,this.#s=0,this.#y({kind:"open"}),this.#c({action:"sync"}),clearInterval(this.#l),this.#l=setInterval(()=>this.#c({action:"ping"}),this.#e.pingIntervalMs),this.#d(this.#e.maxConnectionMs),e&&this.#e.onReconnected()}#g(){this.#f(),this.#t=null;let e=j(this.#s,this.#e.random,this.#e.backoff);this.#s+=1,this.#y({kind:"waiting",attempt:this.#s,retryAt:this.#e.now()+e}),this.#o=setTimeout(()=>this.#h(),e)}#d(e){clearTimeout(this.#a),this.#a=setTimeout(()=>this.#m(),e)}#m(){let e=this.#e.openSocket(this.#e.url);this.#n=e,e.onmessage=n=>{(e===this.#t||e===this.#n)&&this.#e.onMessage(n.data)},e.onerror=()=>{},e.onclose=()=>{e===this.#t?this.#g():e===this.#n&&(this.#n=null,this.#d(ue))},e.onopen=()=>{if(e!==this.#n)return;let n=this.#t;this.#t=e,this.#n=null,n&&(n.onclose=null,n.close(1e3,"planned reconnect")),this.#p()}}#c(e){this.#t?.readyState===ce&&this.#t.send(JSON.stringify(e))}#f(){clearTimeout(this.#o),clearTimeout(this.#a),clearInterval(this.#l)}#y(e){this.#i=e,this.#e.onStateChange(e)}};function z(t){let e=/^(\d{1,3})(?:\.([0-5]))?$/.exec(t.trim());return e?Number(e[1])*6+Number(e[2]??0):null}function w(t){let{runs:e,wickets:n,overs:s}=t.total,o=n>=10?`${e} all out`:`${e}/${n}`;return s==null?`${t.team} ${o}`:`${t.team} ${o} (${s} ov)`}function K(t,e){if(t.status!=="in-progress"||t.innings.length!==2)return null;let[n,s]=t.innings;if(s.total.wickets>=10)return null;let o=n.total.runs+1-s.total.runs,i=s.total.overs==null?0:z(s.total.overs);if(i==null)return null;let l=e*6-i;return o<=0||l<=0?null:{runsNeeded:o,ballsLeft:l}}function V(t){return`need ${t.runsNeeded} from ${t.ballsLeft} ${t.ballsLeft===1?"ball":"balls"}`}function Y(t){return t.status==="complete"?"complete":t.status==="not-started"||t.innings.length===0?"waiting":"live"}var d={batter:(t,e)=>`${t}:bat:${e}`,bowler:(t,e)=>`${t}:bowl:${e}`,extras:t=>`${t}:extras`,total:t=>`${t}:total`,fallOfWickets:t=>`${t}:fow`,summary:()=>"summary",result:()=>"result"};function me(t,e){let n=new Map;for(let s of t.batting)n.set(d.batter(e,s.name),JSON.stringify(s));for(let s of t.bowling)n.set(d.bowler(e,s.name),JSON.stringify(s));return n.set(d.extras(e),String(t.extras)),n.set(d.total(e),JSON.stringify(t.total)),n.set(d.fallOfWickets(e),t.fallOfWickets),n}function G(t){let e=new Map;return t.innings.forEach((n,s)=>me(n,s).forEach((o,i)=>e.set(i,o))),e.set(d.summary(),JSON.stringify(t.innings.at(-1)?.total??null)),e.set(d.result(),String(t.result)),e}function X(t,e){if(!t)return new Set;let n=G(t),s=new Set;for(let[o,i]of G(e))n.get(o)!==i&&s.add(o);return s}function Q(t,e){if(!t)return[];let n=[];return e.innings.forEach((s,o)=>{let i=t.innings[o],l=i?.total.wickets??0;if(s.total.wickets<=l)return;let c=s.batting.filter(h=>h.out&&!i?.batting.some(p=>p.name===h.name&&p.out)).map(h=>`${h.name} ${h.howOut} ${h.runs??0}`).join("; ");n.push(`Wicket! ${c?`${c}. `:""}${w(s)}`)}),e.result&&e.result!==t.result&&n.push(`Result: ${e.result}`),n}var Z=t=>t.out||t.howOut!==""||t.runs!=null;function fe(t,e,n){let s=e.batting.filter(Z),{runs:o,wickets:i,overs:l}=e.total;return r(t,"table",{class:"batting"},r(t,"caption",{class:"visually-hidden"},`${e.team} batting`),r(t,"thead",{},r(t,"tr",{},r(t,"th",{scope:"col",class:"name"},"Batter"),...["R","B","4s","6s","SR"].map(a=>r(t,"th",{scope:"col",class:"num"},a)))),r(t,"tbody",{},...s.map(a=>r(t,"tr",{"data-row":d.batter(n,a.name),class:a.out?"out":"in"},r(t,"th",{scope:"row",class:"name"},r(t,"span",{class:"player"},a.name)," ",r(t,"span",{class:"how-out"},a.howOut||"not out")),r(t,"td",{class:"num runs"},m(a.runs)),r(t,"td",{class:"num"},m(a.balls)),r(t,"td",{class:"num"},m(a.fours)),r(t,"td",{class:"num"},m(a.sixes)),r(t,"td",{class:"num"},m(a.strikeRate,1))))),r(t,"tfoot",{},r(t,"tr",{"data-row":d.extras(n)},r(t,"th",{scope:"row",class:"name"},"Extras"),r(t,"td",{class:"num"},m(e.extras)),r(t,"td",{colspan:"4"})),r(t,"tr",{"data-row":d.total(n),class:"total"},r(t,"th",{scope:"row",class:"name"},"Total"),r(t,"td",{class:"num"},i>=10?String(o):`${o}/${i}`),r(t,"td",{colspan:"4",class:"total-overs"},l==null?"":`${l} overs`))))}function pe(t,e,n){return r(t,"table",{class:"bowling"},r(t,"caption",{class:"visually-hidden"},`Bowling to ${e.team}`),r(t,"thead",{},r(t,"tr",{},r(t,"th",{scope:"col",class:"name"},"Bowler"),...["O","M","R","W","Wd","Nb","Econ"].map(s=>r(t,"th",{scope:"col",class:"num"},s)))),r(t,"tbody",{},...e.bowling.map(s=>r(t,"tr",{"data-row":d.bowler(n,s.name)},r(t,"th",{scope:"row",class:"name"},r(t,"span",{class:"player"},s.name)),r(t,"td",{class:"num"},s.overs),r(t,"td",{class:"num"},m(s.maidens)),r(t,"td",{class:"num"},m(s.runs)),r(t,"td",{class:"num wickets"},m(s.wickets)),r(t,"td",{class:"num"},m(s.wides)),r(t,"td",{class:"num"},m(s.noBalls)),r(t,"td",{class:"num"},m(s.economy,2))))))}function ee(t,e,n){let s=e.batting.filter(i=>!Z(i)).map(i=>i.name);return[fe(t,e,n),s.length>0&&r(t,"p",{class:"yet-to-bat"},r(t,"strong",{},"Yet to bat: "),s.join(", ")),e.fallOfWickets&&r(t,"p",{class:"fow","data-row":d.fallOfWickets(n)},r(t,"strong",{},"Fall of wickets: "),e.fallOfWickets),e.bowling.length>0&&pe(t,e,n)].filter(i=>i!==!1&&i!=="")}var ge={waiting:"Not started",live:"Live",complete:"Result"},ye=2500,k=class{constructor(e,n,s){this.matchId=n;this.oversPerSide=s;this.#e=e,this.#t=r(e,"span",{class:"badge"}),this.#n=r(e,"span",{class:"summary-score"}),this.#s=r(e,"span",{class:"chase"}),this.#r=r(e,"p",{class:"result","data-row":d.result()}),this.#o=r(e,"div",{class:"innings-list"}),this.#a=r(e,"a",{class:"source",rel:"noopener"},"Scorecard on the league site"),this.element=r(e,"article",{class:"match",id:`match-${n}`,"data-match":n},r(e,"p",{class:"summary","data-row":d.summary()},this.#t," ",this.#n," ",this.#s),this.#r,this.#o,r(e,"p",{class:"source-line"},this.#a))}element;#e;#t;#n;#s;#r;#o;#a;#l=[];update(e,n=new Set){let s=Y(e);this.element.dataset.phase=s,this.#t.textContent=ge[s];let o=e.innings.at(-1);this.#n.textContent=o&&s!=="waiting"?w(o):"Waiting for play to start";let i=K(e,this.oversPerSide);this.#s.textContent=i?V(i):"",this.#s.hidden=!i,this.#r.textContent=e.result??"",this.#r.hidden=!e.result,this.#a.href=e.url;let l=s==="waiting"?[]:e.innings;l.forEach((a,c)=>{let h=this.#i(c);h.heading.textContent=w(a),h.body.replaceChildren(...ee(this.#e,a,c)),h.userToggled||(h.details.open=c===l.length-1)});for(let a of this.#l.splice(l.length))a.details.remove();this.#u(n)}#i(e){let n=this.#l[e];if(n)return n;let s=this.#e,o=r(s,"span",{class:"innings-score"}),i=r(s,"div",{class:"innings-body"}),l=r(s,"details",{class:"innings","data-innings":String(e)},r(s,"summary",{"data-row":d.total(e)},o),i),a={details:l,heading:o,body:i,userToggled:!1};return l.querySelector("summary")?.addEventListener("click",()=>a.userToggled=!0),this.#l.push(a),this.#o.append(l),a}#u(e){if(e.size!==0)for(let n of this.element.querySelectorAll("[data-row]"))e.has(n.dataset.row??"")&&(n.classList.remove("changed"),n.offsetWidth,n.classList.add("changed"),setTimeout(()=>n.classList.remove("changed"),ye))}};var x=class{constructor(e,n){this.container=e;this.options=n;this.#e=e.ownerDocument}#e;#t=new Map;#n=new Map;render(e){let n=this.options.teams.length?this.options.teams:[...e.keys()].map(o=>({id:o,label:o}));if(n.length===0){this.container.replaceChildren(r(this.#e,"p",{class:"no-matches"},"No matches today")),this.#t.clear(),this.container.setAttribute("aria-busy","false");return}let s=n.map(o=>this.#r(o));this.container.replaceChildren(...s.map(o=>o.element)),n.forEach((o,i)=>{let l=s[i],a=e.get(o.id)??[];l.empty.hidden=a.length>0,l.matches.replaceChildren(...a.map(c=>this.#s(c).element));for(let c of a)this.#s(c).update(c)}),this.container.setAttribute("aria-busy","false")}update(e,n){let s=this.#n.get(e.matchId);return!s||!s.element.isConnected?!1:(s.update(e,n),!0)}#s(e){let n=this.#n.get(e.matchId);return n||(n=new k(this.#e,e.matchId,this.options.oversPerSide),this.#n.set(e.matchId,n)),n}#r(e){let n=this.#t.get(e.id);if(n)return n;let s=this.#e,o=`team-${e.id}`,i=r(s,"p",{class:"no-match"},"No match today"),l=r(s,"div",{class:"matches"}),c={element:r(s,"section",{class:"team","aria-labelledby":o,"data-team":e.id},r(s,"h2",{id:o},e.label),i,l),empty:i,matches:l};return this.#t.set(e.id,c),c}};function be(t){let e=t.lastUpdateAt==null?"":W(t.lastUpdateAt,t.now);return t.connection.kind==="open"?t.stale?{label:"Scores may be out of date",detail:e,tone:"stale"}:{label:"Live",detail:e,tone:"live"}:t.connection.kind==="waiting"?{label:`Offline, retrying in ${Math.max(1,Math.ceil((t.connection.retryAt-t.now)/1e3))} s`,detail:e,tone:"down"}:t.connection.kind==="connecting"?{label:t.connection.attempt===0?"Connecting":"Reconnecting",detail:e,tone:"down"}:{label:"Not connected",detail:e,tone:"down"}}var A=class{constructor(e){this.element=e;let n=e.ownerDocument;this.#e=r(n,"span",{class:"status-label"}),this.#t=r(n,"span",{class:"status-detail"}),e.classList.add("live-status"),e.replaceChildren(r(n,"span",{class:"status-dot","aria-hidden":"true"}),this.#e,this.#t)}#e;#t;show(e){let{label:n,detail:s,tone:o}=be(e);this.element.dataset.tone=o,this.#e.textContent!==n&&(this.#e.textContent=n),this.#t.textContent!==s&&(this.#t.textContent=s)}},M=class{constructor(e){this.element=e;e.setAttribute("aria-live","polite"),e.setAttribute("aria-atomic","false"),e.classList.add("visually-hidden")}say(e){let n=this.element.ownerDocument;for(let s of e)this.element.append(r(n,"p",{},s));for(;this.element.childElementCount>5;)this.element.firstElementChild?.remove()}};function O(t,e){let n=Date.parse(t.capturedAt)-Date.parse(e.capturedAt);return n!==0?n>0:(t.seq??0)>(e.seq??0)}var L=class{#e=new Map;offer(e){let n=this.#e.get(e.matchId);return n&&!O(e,n)?{accepted:!1,reason:n.capturedAt===e.capturedAt&&n.seq===e.seq?"same":"older"}:(this.#e.set(e.matchId,e),{accepted:!0,previous:n})}get(e){return this.#e.get(e)}byTeam(){let e=new Map;for(let n of this.#e.values()){let s=e.get(n.teamId)??[];s.push(n),e.set(n.teamId,s)}return e}anyInProgress(){return[...this.#e.values()].some(e=>e.status==="in-progress")}};var f=t=>typeof t=="object"&&t!==null&&!Array.isArray(t),u=t=>typeof t=="string",g=t=>typeof t=="number"&&Number.isFinite(t)&&t>=0,R=t=>t===null||g(t),we=new Set(["not-started","in-progress","complete"]);function ve(t){return f(t)&&u(t.name)&&u(t.howOut)&&typeof t.out=="boolean"&&["runs","balls","minutes","fours","sixes","strikeRate"].every(e=>R(t[e]))}function Se(t){return f(t)&&u(t.name)&&u(t.overs)&&["maidens","runs","wickets"].every(e=>g(t[e]))&&["wides","noBalls","economy"].every(e=>R(t[e]))}function ke(t){if(!f(t)||!u(t.team)||!u(t.fallOfWickets)||!R(t.extras))return!1;let e=t.total;return f(e)&&g(e.runs)&&g(e.wickets)&&(e.overs===null||u(e.overs))&&u(e.text)&&Array.isArray(t.batting)&&t.batting.every(ve)&&Array.isArray(t.bowling)&&t.bowling.every(Se)}function T(t){return f(t)&&t.schemaVersion===1&&u(t.matchId)&&u(t.teamId)&&u(t.url)&&u(t.capturedAt)&&!Number.isNaN(Date.parse(t.capturedAt))&&(t.seq===void 0||g(t.seq))&&we.has(t.status)&&(t.result===null||u(t.result))&&Array.isArray(t.innings)&&t.innings.every(ke)}var xe=t=>f(t)&&u(t.capturedAt)&&g(t.seq);function Ae(t){return u(t.matchId)&&u(t.teamId)&&u(t.capturedAt)&&g(t.seq)&&xe(t.base)&&Array.isArray(t.changes)&&t.changes.every(e=>f(e)&&Array.isArray(e.at))}function te(t){if(!u(t))return null;let e;try{e=JSON.parse(t)}catch{return null}return f(e)?e.type==="diff"?Ae(e)?e:null:e.type!=="scorecard"||!T(e.scorecard)||e.fetch!==void 0&&!u(e.fetch)?null:e:null}function $(t){return(Array.isArray(t)?t:f(t)&&Array.isArray(t.scorecards)?t.scorecards:[t]).filter(T)}var C=class{constructor(e,n,s={}){this.elements=e;this.config=n;this.#o=s.teamFilter?.length?new Set(s.teamFilter):null;let o=this.#o?(n.teams.length?n.teams:[...this.#o].map(i=>({id:i,label:i}))).filter(i=>this.#o?.has(i.id)):n.teams;this.#t=new x(e.board,{oversPerSide:n.oversPerSide,teams:o}),this.#n=new A(e.status),this.#s=new M(e.announcer),this.#r=new S({url:n.wsUrl,onMessage:i=>void this.#h(i),onStateChange:()=>this.#c(),onReconnected:()=>void this.resync()})}#e=new L;#t;#n;#s;#r;#o;#a=()=>this.#r.nudge();#l=()=>{document.visibilityState==="visible"&&this.#r.nudge()};#i=null;#u;start(){let e=this.resync();return this.#r.start(),this.#u=setInterval(()=>this.#c(),1e3),addEventListener("online",this.#a),document.addEventListener("visibilitychange",this.#l),e}stop(){this.#r.stop(),clearInterval(this.#u),removeEventListener("online",this.#a),document.removeEventListener("visibilitychange",this.#l)}async resync(){try{let e=await fetch(this.#f("/api/scorecards"),{cache:"no-store"});if(!e.ok)throw new Error(`GET /api/scorecards answered ${e.status}`);let n=$(await e.json());for(let s of n)this.#d(s,{render:!1});this.#i=Date.now(),this.#m()}catch(e){console.warn(`live-scores: could not load scorecards: ${e.message}`),this.#i==null&&this.#m()}}reveal(e){this.elements.board.querySelector(`[data-match="${CSS.escape(e)}"]`)?.scrollIntoView({block:"start"})}async#h(e){let n=te(e);if(!n)return;if(this.#i=Date.now(),n.type==="diff"){let o=this.#p(n);o&&this.#d(o,{render:!0}),this.#c();return}let s=n.scorecard;n.fetch&&(s=await this.#g(n.fetch,s.matchId)??s),this.#d(s,{render:!0}),this.#c()}#p(e){if(this.#o&&!this.#o.has(e.teamId))return;let n=this.#e.get(e.matchId);if(!(n&&!O(e,n))){if(n&&q(n,e.base))try{let s=F(n,e.changes);if(T(s))return s}catch{}this.#r.requestSync()}}async#g(e,n){try{let s=await fetch(this.#f(e),{cache:"no-store"});return s.ok?$(await s.json()).find(o=>o.matchId===n):void 0}catch{return}}#d(e,{render:n}){if(this.#o&&!this.#o.has(e.teamId))return;let s=this.#e.offer(e);if(!s.accepted||!n)return;this.#t.update(e,X(s.previous,e))||this.#m(),this.#s.say(Q(s.previous,e))}#m(){this.#t.render(this.#e.byTeam()),this.#c()}#c(){let e=Date.now(),n=J({lastUpdateAt:this.#i,now:e,staleAfterMs:this.config.staleAfterMs,anyInProgress:this.#e.anyInProgress()});this.elements.board.toggleAttribute("data-stale",n),this.#n.show({connection:this.#r.state,lastUpdateAt:this.#i,stale:n,now:e})}#f(e){return U(this.config.apiBase,e)}};var P=class extends HTMLElement{#e=null;connectedCallback(){if(this.#e)return;let e=this.shadowRoot??this.attachShadow({mode:"open"}),n=this.ownerDocument,s=y=>(this.getAttribute(y)??"").split(",").map(E=>E.trim()).filter(Boolean),o=s("team"),i=s("label"),{config:l,problems:a}=H(location.href,{api:this.getAttribute("api")??void 0,ws:this.getAttribute("ws")??void 0,overs:this.getAttribute("overs")??void 0,staleSeconds:this.getAttribute("stale-seconds")??void 0,teams:o.map((y,E)=>({id:y,label:i[E]??y}))});for(let y of a)console.warn(`<live-scores-board>: ${y}`);let c=r(n,"div",{class:"board","aria-busy":"true"}),h=r(n,"div",{class:"live-status"}),p=r(n,"div");e.replaceChildren(r(n,"style",{},N),r(n,"div",{class:"ls-root embedded"},h,c,p)),this.#e=new C({board:c,status:h,announcer:p},l,{teamFilter:o}),this.#e.start()}disconnectedCallback(){this.#e?.stop(),this.#e=null}};customElements.get("live-scores-board")||customElements.define("live-scores-board",P);})();
