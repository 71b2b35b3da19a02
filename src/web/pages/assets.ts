/**
 * @module web/pages/assets
 * The page's only stylesheet and script, served by munshi itself (/assets/*): no CDN, no font or
 * analytics request ever leaves the box. Kept as strings so the compiled build needs no copy step.
 * The script only enhances: every page reads and filters without it.
 */

export const APP_CSS = `
:root{--fg:#1d2327;--muted:#5f6b73;--bg:#f6f7f5;--card:#fff;--line:#dfe3e0;--accent:#0b7a55;--danger:#b3261e;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font-size:16px;line-height:1.4}
nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center;padding:.6rem 1rem;background:#123d30;color:#fff}
nav a{color:#d9efe6;text-decoration:none;padding:.2rem 0}nav a[aria-current=page]{color:#fff;border-bottom:2px solid #7fe0b8}
nav .brand{font-weight:700;color:#fff;margin-right:.6rem}nav .logout{margin-left:auto}
nav .logout button{background:none;border:1px solid #7fb8a3;color:#d9efe6;padding:.2rem .6rem}
main{max-width:72rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.2rem 0 1rem}
a{color:var(--accent)}button,.button{font:inherit;border-radius:.4rem;border:1px solid var(--accent);background:var(--accent);color:#fff;padding:.45rem .9rem;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.actions button{background:#fff;color:var(--accent)}button.danger{background:var(--danger);border-color:var(--danger)}
input,select{font:inherit;padding:.4rem .5rem;border:1px solid var(--line);border-radius:.4rem;background:#fff;max-width:100%}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-bottom:.5rem}.filters input[type=search]{flex:1 1 14rem}
.presets a{margin-right:.6rem;font-size:.9rem}.totals{display:flex;flex-wrap:wrap;gap:.6rem;margin:.7rem 0}
.total{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem .8rem}.total span{color:var(--muted);font-size:.9rem}
.table-wrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:.5rem}
table{border-collapse:collapse;width:100%}th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th a{color:var(--fg);text-decoration:none}.num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}
.actions{white-space:nowrap;text-align:right}.actions button{padding:.2rem .5rem;font-size:.85rem}
tr.editing input,tr.editing select{width:100%;min-width:5rem}.pager{color:var(--muted)}.pager a{margin-left:.6rem}
#toast{position:fixed;left:50%;bottom:1.2rem;transform:translateX(-50%);background:#222;color:#fff;padding:.6rem 1rem;border-radius:.5rem;display:flex;gap:.8rem;align-items:center}
#toast[hidden]{display:none}#toast button{background:none;border-color:#7fe0b8;color:#7fe0b8}
.card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem;margin:0 0 1rem;display:flex;flex-direction:column;gap:.5rem}
.login{max-width:24rem;margin:3rem auto}.error{color:var(--danger)}.hint{color:var(--muted);font-size:.9rem;margin:0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.barcell{width:40%}.barcell progress{height:1rem}
progress{width:100%;height:1.2rem}.qr{background:#fff;padding:1rem;display:inline-block;border-radius:.5rem}.qr img{width:16rem;height:16rem;image-rendering:pixelated}
.summary-text p{margin:.15rem 0}.summary-text p:empty{height:.5rem}img.chart{max-width:100%;height:auto;margin-top:.6rem}
.budget-edit{white-space:nowrap}.budget-edit input{width:6.5rem}td progress{display:block;width:100%;height:.6rem;margin-top:.3rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}code{background:#eef1ee;padding:0 .25rem;border-radius:.2rem}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dl.kv dt{color:var(--muted)}
@media (max-width:40rem){main{padding:.6rem}.filters label{flex:1 1 45%}
 #expenses thead{display:none}#expenses,#expenses tbody{display:block}
 #expenses tr{display:grid;grid-template-columns:1fr auto;gap:.15rem .6rem;padding:.55rem .7rem;border-bottom:1px solid var(--line)}
 #expenses td{border:0;padding:0}#expenses td.item{grid-area:1/1;font-weight:600}#expenses td.merchant{grid-area:2/1}
 #expenses td.amount{grid-area:1/2;font-weight:600}#expenses td.category{grid-area:3/1;color:var(--muted);font-size:.9rem}
 #expenses td.date{grid-area:2/2;color:var(--muted);font-size:.9rem;text-align:right}#expenses td.actions{grid-area:3/2}
 #expenses tr.editing{grid-template-columns:1fr}#expenses tr.editing td{grid-area:auto}}
`;

export const APP_JS = `
(function(){
'use strict';
var meta=document.querySelector('meta[name=csrf-token]');var csrf=meta?meta.content:'';
function api(method,url,body){return fetch(url,{method:method,credentials:'same-origin',headers:body instanceof Blob||typeof body==='string'?{'x-csrf-token':csrf,'content-type':'text/csv'}:{'x-csrf-token':csrf,'content-type':'application/json'},body:body===undefined?undefined:(typeof body==='string'||body instanceof Blob?body:JSON.stringify(body))}).then(function(r){return r.json().catch(function(){return {};}).then(function(j){if(!r.ok)throw new Error(j.error||('HTTP '+r.status));return j;});});}
function toast(text,action,onAction){var t=document.getElementById('toast');if(!t)return;t.textContent='';var s=document.createElement('span');s.textContent=text;t.appendChild(s);
 if(action){var b=document.createElement('button');b.type='button';b.textContent=action;b.onclick=onAction;t.appendChild(b);}t.hidden=false;clearTimeout(t._h);t._h=setTimeout(function(){t.hidden=true;},10000);}
var table=document.getElementById('expenses');
if(table){table.addEventListener('click',function(ev){var b=ev.target.closest('button');if(!b)return;var tr=b.closest('tr');var id=tr.dataset.id;
 if(b.classList.contains('edit'))edit(tr);
 else if(b.classList.contains('delete')){b.disabled=true;api('DELETE','/api/expenses/'+id).then(function(){tr.hidden=true;toast('Expense deleted.','Undo',function(){api('POST','/api/expenses/'+id+'/restore').then(function(){location.reload();});});}).catch(function(e){b.disabled=false;toast(e.message);});}
 else if(b.classList.contains('save'))save(tr);
 else if(b.classList.contains('cancel'))location.reload();});}
function input(type,name,value){var i=document.createElement('input');i.type=type;i.name=name;i.value=value;i.setAttribute('aria-label',name);if(type==='number'){i.step='0.01';i.min='0.01';}return i;}
function cell(tr,cls,el){var td=tr.querySelector('td.'+cls);td.textContent='';td.appendChild(el);}
function edit(tr){if(tr.classList.contains('editing'))return;tr.classList.add('editing');var d=tr.dataset;
 cell(tr,'date',input('date','date',d.date));cell(tr,'item',input('text','item',d.item));cell(tr,'merchant',input('text','merchant',d.merchant));
 var sel=document.createElement('select');sel.name='category';sel.setAttribute('aria-label','category');sel.innerHTML=document.getElementById('category-options').innerHTML;sel.value=d.category;cell(tr,'category',sel);
 cell(tr,'amount',input('number','amount',d.amount));
 var a=tr.querySelector('td.actions');a.innerHTML='<button type="button" class="save">Save</button> <button type="button" class="cancel">Cancel</button>';
 tr.querySelector('input[name=item]').focus();}
function save(tr){var v={};tr.querySelectorAll('input,select').forEach(function(i){v[i.name]=i.value;});
 api('PATCH','/api/expenses/'+tr.dataset.id,v).then(function(){location.reload();}).catch(function(e){toast(e.message);});}
var imp=document.getElementById('import-form');
if(imp){var file=imp.querySelector('input[type=file]');var out=document.getElementById('import-preview');var bar=document.getElementById('import-progress');var go=document.getElementById('import-run');var job=null;
 imp.addEventListener('submit',function(ev){ev.preventDefault();if(!file.files.length)return;go.hidden=true;
  file.files[0].text().then(function(text){return api('POST','/api/import/preview',text);}).then(function(p){job=p;
   var h='<p>'+p.valid+' of '+p.total+' rows can be imported'+(p.invalid?', '+p.invalid+' have problems':'')+'.</p><table><thead><tr><th>Line</th><th>Date</th><th>Item</th><th>Category</th><th class=num>Amount</th><th>Problem</th></tr></thead><tbody>';
   p.sample.forEach(function(r){h+='<tr><td>'+r.line+'</td><td>'+esc(r.date)+'</td><td>'+esc(r.item)+'</td><td>'+esc(r.category)+'</td><td class=num>'+esc(r.amount)+'</td><td class=error>'+esc(r.error)+'</td></tr>';});
   out.innerHTML=h+'</tbody></table>';go.hidden=!p.valid;go.textContent='Import '+p.valid+' expenses';}).catch(function(e){out.textContent=e.message;});});
 go.addEventListener('click',function(){if(!job)return;go.disabled=true;bar.hidden=false;bar.max=job.valid;bar.value=0;var added=0,dup=0;
  (function step(from){api('POST','/api/import/'+job.id+'/run',{from:from}).then(function(r){added+=r.added;dup+=r.duplicates;bar.value=r.next;
   if(r.next<job.valid)step(r.next);else{out.textContent='Imported '+added+' expenses'+(dup?', '+dup+' were already there':'')+'.';go.hidden=true;go.disabled=false;}}).catch(function(e){out.textContent=e.message;go.disabled=false;});})(0);});}
function esc(s){return String(s==null?'':s).replace(/[&<>"']/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
var erase=document.getElementById('erase-form');
if(erase)erase.addEventListener('submit',function(ev){ev.preventDefault();api('POST','/api/erase',{confirm:erase.querySelector('input[name=confirm]').value}).then(function(r){location.href='/login?erased='+r.expenses;}).catch(function(e){document.getElementById('erase-result').textContent=e.message;});});
document.addEventListener('click',function(ev){var b=ev.target.closest('button.remove-budget,button.stop-recurring,button.save-budget');if(!b)return;b.disabled=true;
 var save=b.classList.contains('save-budget');
 api('POST',save?'/api/budgets/set':b.classList.contains('remove-budget')?'/api/budgets/remove':'/api/recurring/stop',save?{id:Number(b.dataset.id),amount:b.parentNode.querySelector('input').value}:{id:Number(b.dataset.id)}).then(function(){location.reload();}).catch(function(e){b.disabled=false;alert(e.message);});});
var pairing=document.getElementById('pairing');
if(pairing){(function poll(){fetch('/api/pairing',{credentials:'same-origin'}).then(function(r){return r.json();}).then(function(p){
  document.getElementById('pairing-state').textContent=p.state;document.getElementById('pairing-error').textContent=p.lastError?p.lastError.message+' ('+p.lastError.at+')':'none';
  var img=document.getElementById('pairing-qr');if(p.qrAt){img.hidden=false;if(img.dataset.at!==p.qrAt){img.dataset.at=p.qrAt;img.src='/pairing/qr.svg?at='+encodeURIComponent(p.qrAt);}}else img.hidden=true;
  var c=document.getElementById('pairing-code');c.textContent=p.code||'';}).catch(function(){}).then(function(){setTimeout(poll,3000);});})();}
})();
`;
