// Below the theme's wide layout the navigation is a drawer, opened by the header's menu
// button: a <label> for the drawer's checkbox, which a mouse or a finger can press but a
// keyboard cannot reach. While closed, the drawer is hidden (stylesheets/extra.css), so
// its links are no Tab stops off the screen; the keyboard's way in is this real button,
// put in the label's place: Enter or Space opens the drawer with the focus on its first
// link in sight, and Escape closes it, the focus back on the button. A classic script,
// not a module: it runs from disk too.
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('.md-header__button[for="__drawer"]');
  var nav = document.querySelector(".md-sidebar--primary");
  if (!drawer || !label || !nav) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon menu-button";
  button.setAttribute("aria-label", "Navigation");
  button.append(...Array.from(label.children, function (icon) {
    return icon.cloneNode(true);
  }));
  label.before(button);
  label.hidden = true;

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
      return link.getClientRects().length > 0; // laid out (checkVisibility: Safari 17.4+)
    });
  }

  // Pressed, it clicks the checkbox as the label did, so the theme hears it change.
  button.addEventListener("click", function (event) {
    drawer.click();
    var first = drawer.checked && event.detail === 0 && firstLinkInSight(); // by keyboard
    if (first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    var inside = nav.contains(document.activeElement) || document.activeElement === button;
    if (event.key !== "Escape" || !drawer.checked || !inside) return;
    drawer.click();
    button.focus();
  });
})();
