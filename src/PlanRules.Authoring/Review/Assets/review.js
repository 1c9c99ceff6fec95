(function () {
  var q = document.getElementById('q'), only = document.getElementById('only'), count = document.getElementById('count');
  function apply() {
    var text = q.value.trim().toLowerCase(), changesOnly = only && only.checked, shown = 0;
    document.querySelectorAll('[hidden]').forEach(function (el) { el.hidden = false; });
    if (!text && !changesOnly) { count.textContent = ''; return; }
    document.querySelectorAll('.box').forEach(function (box) {
      var head = box.querySelector('.box-head'), headHit = !!text && !!head && head.textContent.toLowerCase().indexOf(text) >= 0, any = false;
      box.querySelectorAll('.item').forEach(function (item) {
        var hit = (headHit || !text || item.textContent.toLowerCase().indexOf(text) >= 0) && (!changesOnly || item.classList.contains('chg'));
        item.hidden = !hit; if (hit) { any = true; shown++; }
      });
      var boxHit = (headHit && !changesOnly) || (changesOnly && box.classList.contains('chg') && (!text || box.textContent.toLowerCase().indexOf(text) >= 0));
      box.hidden = !(any || boxHit);
    });
    count.textContent = shown + ' matching item' + (shown === 1 ? '' : 's');
  }
  q.addEventListener('input', apply);
  if (only) only.addEventListener('change', apply);
})();
