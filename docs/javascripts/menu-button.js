// Below the theme's wide layout the navigation is a drawer, opened by the header's menu
// button: a <label> for the drawer's checkbox, which a mouse or a finger can press but a
// keyboard cannot reach. While closed, the drawer is hidden (stylesheets/extra.css), so
// its links are no Tab stops off the screen; the menu button is then the keyboard's way
// in: a named button that Enter or Space opens, focus moving to the first link in sight,
// and Escape closes it, focus back on the button. A classic script, not a module: it
// runs from disk too.
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('.md-header__button[for="__drawer"]');
  var nav = document.querySelector(".md-sidebar--primary");
  if (!drawer || !button || !nav) return;

  button.tabIndex = 0;
  button.setAttribute("role", "button");
  button.setAttribute("aria-label", "Navigation");
  function showState() {
    button.setAttribute("aria-expanded", String(drawer.checked));
  }
  showState();
  drawer.addEventListener("change", showState);

  // The theme opens the drawer on the current page's section, over the list of sections:
  // the first link shown there (the current page's own is hidden: its label opens the
  // page's contents instead).
  function firstLinkInSight() {
    var sections = nav.querySelectorAll(".md-nav__item--nested.md-nav__item--active > .md-nav");
    var panel = sections.length ? sections[sections.length - 1] : nav;
    return Array.from(panel.querySelectorAll("a[href]")).find(function (link) {
      return link.checkVisibility();
    });
  }

  // Pressed as a click presses it, so the theme hears the checkbox change; the keys are
  // its own (the theme's shortcut for Enter on a label would press it a second time).
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopPropagation();
    button.click();
    var first = drawer.checked && firstLinkInSight();
    if (first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    var inside = nav.contains(document.activeElement) || document.activeElement === button;
    if (event.key !== "Escape" || !drawer.checked || !inside) return;
    button.click();
    button.focus();
  });
})();
