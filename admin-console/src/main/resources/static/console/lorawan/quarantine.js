// Progressive enhancement of the quarantine list: a checkbox in the table's head marks or unmarks every device.
// Without scripts it stays hidden; "adopt all unknown devices" does the same without marking.
document.addEventListener('DOMContentLoaded', () => {
  const all = document.querySelector('.mark-all');
  const boxes = [...document.querySelectorAll('input[name="devEui"]')];
  // registered devices (kept with a reason) have no box: nothing to mark, no box in the head either
  if (!all || boxes.length === 0) return;
  all.hidden = false;
  const sync = () => {
    const marked = boxes.filter((box) => box.checked).length;
    all.checked = marked === boxes.length && marked > 0;
    all.indeterminate = marked > 0 && marked < boxes.length;
  };
  all.addEventListener('change', () => {
    boxes.forEach((box) => { box.checked = all.checked; });
  });
  boxes.forEach((box) => box.addEventListener('change', sync));
  sync();
});
