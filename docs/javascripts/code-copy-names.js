// The theme gives every code block a <nav> holding its copy button: a page with two code
// blocks has two unnamed navigation landmarks a screen reader cannot tell apart (axe-core's
// landmark-unique). Each gets a name of its own, once the theme's script has made it.
// A classic script, not a module: it runs from disk too.
(function () {
  "use strict";

  function nameCodeNavs() {
    document.querySelectorAll(".md-code__nav:not([aria-label])").forEach(function (nav) {
      var blocks = Array.from(document.querySelectorAll("pre > code"));
      var code = nav.parentElement.querySelector("code");
      nav.setAttribute("aria-label", "code block " + (blocks.indexOf(code) + 1));
    });
  }

  nameCodeNavs();
  new MutationObserver(nameCodeNavs).observe(document.body, { childList: true, subtree: true });
})();
