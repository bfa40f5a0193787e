// A box that scrolls sideways inside the text column: a display equation or a table wider
// than the column (on a phone, several are). Each one that does scroll joins the Tab
// order as a named group, so a keyboard can reach and scroll it (WCAG 2.1.1); the others
// stay out of the way. stylesheets/extra.css draws an equation's scroll shadows and the
// focus ring. The theme's script builds the tables' scroll boxes after the page loads, and
// a phone turns: checked again after each change to the page and each resize.
// A classic script, not a module: it runs from disk too.
(function () {
  "use strict";

  var BOXES = [
    [".math-display", "equation, scrolls sideways"],
    [".md-typeset__scrollwrap", "table, scrolls sideways"],
  ];

  function markScrollingBoxes() {
    BOXES.forEach(function (kind) {
      document.querySelectorAll(kind[0]).forEach(function (box) {
        var scrolls = box.scrollWidth > box.clientWidth + 1;
        if (scrolls === box.classList.contains("scrolls-sideways")) return;
        box.classList.toggle("scrolls-sideways", scrolls);
        if (scrolls) {
          box.tabIndex = 0;
          box.setAttribute("role", "group");
          box.setAttribute("aria-label", kind[1]);
        } else {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      });
    });
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      markScrollingBoxes();
    });
  }

  markScrollingBoxes();
  window.addEventListener("resize", later);
  new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
})();
