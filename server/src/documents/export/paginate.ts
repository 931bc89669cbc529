/**
 * Lays an exported document out into pages inside Chromium before it prints, as Word lays out the
 * DOCX: each block of the flow goes on the current page while it and its footnotes fit, and each
 * page carries the footnotes its blocks call at its foot. A block marked `keep` (formula,
 * heading) moves to the next page with the block after it, so no heading is stranded at the foot
 * of a page; a paragraph is never split. Chromium has no CSS footnotes, so this is done by
 * measuring: the script runs in the page through the DevTools protocol while the page's own
 * scripts stay disabled. Pages after the first carry "- n -" at their head, as OAS documents do.
 * A paragraph longer than a whole page (the limit is 10,000 characters) gets a sheet that grows
 * over as many pages as it needs, so no word is ever cut off.
 */
export const PAGINATE_SCRIPT = String.raw`(() => {
  const flow = document.querySelector('main.flow');
  if (!flow) return 0;
  const notes = new Map();
  const store = document.querySelector('section.footnotes');
  if (store) for (const li of store.querySelectorAll('li[data-fn]')) notes.set(li.getAttribute('data-fn'), li.textContent);
  const blocks = Array.from(flow.children);
  const pages = [];
  let page = null;
  let number = 0;
  const newPage = () => {
    const sheet = document.createElement('div');
    sheet.className = 'sheet';
    const head = document.createElement('div');
    head.className = 'run';
    const body = document.createElement('div');
    body.className = 'body';
    const foot = document.createElement('div');
    foot.className = 'notes';
    sheet.append(head, body, foot);
    document.body.insertBefore(sheet, flow);
    pages.push(sheet);
    number += 1;
    if (number > 1) head.textContent = '- ' + number + ' -';
    const cs = getComputedStyle(sheet);
    page = { sheet, body, foot, full: sheet.clientHeight, height: sheet.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom) };
  };
  const grow = () => {
    page.sheet.classList.add('long');
    number += Math.ceil(page.sheet.offsetHeight / page.full) - 1;
  };
  const fits = () => page.body.offsetHeight + (page.foot.childElementCount > 0 ? page.foot.offsetHeight + 14 : 0) <= page.height;
  const place = (group) => {
    const added = [];
    for (const block of group) {
      page.body.appendChild(block);
      for (const n of (block.getAttribute('data-fns') || '').split(' ').filter(Boolean)) {
        const p = document.createElement('p');
        const sup = document.createElement('sup');
        sup.textContent = n;
        p.append(sup, document.createTextNode(' ' + (notes.get(n) || '')));
        page.foot.appendChild(p);
        added.push(p);
      }
    }
    return added;
  };
  newPage();
  for (let i = 0; i < blocks.length; ) {
    const group = [blocks[i]];
    while (group[group.length - 1].classList.contains('keep') && i + group.length < blocks.length) group.push(blocks[i + group.length]);
    i += group.length;
    const before = page.body.childElementCount;
    const added = place(group);
    if (fits()) continue;
    if (before > 0) {
      for (const p of added) p.remove();
      for (const block of group) block.remove();
      newPage();
      place(group);
    }
    if (!fits()) {
      grow();
      newPage();
    }
  }
  if (pages.length > 1 && page.body.childElementCount === 0) {
    pages.pop().remove();
  }
  flow.remove();
  if (store) store.remove();
  return pages.length;
})()`;
