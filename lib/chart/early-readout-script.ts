/**
 * The chart's readout before React: a few hundred bytes of plain script, inline at the top of the page, that
 * make the server-drawn chart answer a hover (and the arrow keys, once it has focus) the moment it is painted,
 * instead of after the whole dashboard has hydrated. On a slow phone that is seconds earlier, and without the
 * page's JavaScript (blocked, failed, still downloading) it is the only readout there is.
 *
 * It reads what to show from the `<script type="application/json" data-chart-readout>` the chart renders beside
 * itself (lib/chart/readout.ts: every text formatted on the server by the same functions as the React tooltip),
 * draws the crosshair, the points and the tooltip in a layer of its own at the end of `<body>` (never inside the
 * markup React will hydrate, which must stay as the server sent it), and steps aside for good once the chart's
 * island has hydrated and measured itself (`data-measured` on the chart): from then on the island's own readout
 * answers, with the same classes, so nothing changes for the reader.
 *
 * Static text, so the Content-Security-Policy allows it by its hash (lib/server/csp.ts), like the theme script.
 * Every text it shows goes in through textContent: an event title can come from the reader's own URL.
 */
export const EARLY_READOUT_SCRIPT = `(function(){
if(window.__earlyReadout)return;window.__earlyReadout=1;
var d=document,layer=null,shown=null;
function el(tag,cls,css){var e=d.createElement(tag);if(cls)e.className=cls;if(css)e.style.cssText=css;return e}
function clear(){if(layer){layer.remove();layer=null}shown=null}
function target(node){
var plot=node&&node.closest?node.closest('[data-testid="chart-plot"]'):null;if(!plot)return null;
var chart=plot.closest('[data-testid="chart-preview"]');if(!chart||chart.hasAttribute('data-measured'))return null;
var src=chart.querySelector('script[data-chart-readout]');if(!src)return null;
var data=chart.__readout;if(!data){try{data=chart.__readout=JSON.parse(src.textContent)}catch(e){return null}}
return data&&data.dates&&data.dates.length?{plot:plot,data:data}:null}
function show(t,i){
var data=t.data,n=data.dates.length,r=t.plot.getBoundingClientRect();if(r.width<1||r.height<1)return clear();
i=Math.max(0,Math.min(n-1,i));var f=n<=1?0.5:i/(n-1);
var x=r.left+window.scrollX+f*r.width,top=r.top+window.scrollY;
clear();shown={plot:t.plot,index:i};
layer=el('div','','position:absolute;left:0;top:0;width:0;height:0;z-index:50;pointer-events:none');
layer.setAttribute('data-early-readout','');
layer.appendChild(el('div','','position:absolute;width:1px;background:var(--muted);left:'+x+'px;top:'+top+'px;height:'+r.height+'px'));
var tip=el('div','rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-xs shadow-lg','position:absolute;white-space:nowrap;top:'+(top+8)+'px;left:'+(f<0.5?x+12:x-12)+'px'+(f<0.5?'':';transform:translateX(-100%)'));
tip.setAttribute('data-chart-tooltip','');tip.setAttribute('data-testid','chart-tooltip-early');tip.setAttribute('aria-hidden','true');
var head=el('div','mb-1 font-semibold');head.textContent=data.dates[i];tip.appendChild(head);
var body=el('tbody');
data.series.forEach(function(s){
var y=s.y[i];if(y!==null&&y!==undefined){layer.appendChild(el('span','','position:absolute;width:6px;height:6px;border-radius:9999px;transform:translate(-50%,-50%);background:var('+s.colorVar+');left:'+x+'px;top:'+(top+y*r.height)+'px'))}
var row=el('tr'),name=el('td','pr-2'),value=el('td','pr-2 text-right tabular-nums'),change=el('td','text-right tabular-nums text-[var(--muted)]');
name.appendChild(el('span','mr-1 inline-block h-2 w-2 rounded-full','background:var('+s.colorVar+')'));name.appendChild(d.createTextNode(s.symbol));
value.textContent=s.values[i]===null?'no session':s.values[i];change.textContent=s.changes[i];
row.appendChild(name);row.appendChild(value);row.appendChild(change);body.appendChild(row)});
var table=el('table');table.appendChild(body);tip.appendChild(table);
data.events.forEach(function(e){if(e[0]===i){var line=el('div','mt-1 max-w-64','white-space:normal;color:var('+e[2]+')');line.textContent=e[1];tip.appendChild(line)}});
layer.appendChild(tip);d.body.appendChild(layer)}
d.addEventListener('pointermove',function(ev){
var t=target(ev.target);if(!t){if(layer)clear();return}
var r=t.plot.getBoundingClientRect(),n=t.data.dates.length;
var f=r.width>0?(ev.clientX-r.left)/r.width:0;
var i=Math.round(Math.min(1,Math.max(0,f))*Math.max(0,n-1));
if(!shown||shown.plot!==t.plot||shown.index!==i)show(t,i)},{passive:true,capture:true});
var steps={ArrowLeft:-1,ArrowRight:1,PageUp:-5,PageDown:5};
d.addEventListener('keydown',function(ev){
var t=target(d.activeElement);if(!t)return;var n=t.data.dates.length,cur=shown&&shown.plot===t.plot?shown.index:n-1,i;
if(ev.key==='Escape')return clear();
if(ev.key in steps)i=cur+steps[ev.key];else if(ev.key==='Home')i=0;else if(ev.key==='End')i=n-1;else return;
ev.preventDefault();show(t,i)},true);
d.addEventListener('focusout',function(){if(shown)clear()},true);
window.addEventListener('scroll',function(){if(layer)clear()},{passive:true});
})();`
