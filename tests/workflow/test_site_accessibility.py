"""Every page of the site at a desktop's (1280 px) and a phone's (390 px) width, in
headless Chromium: an axe-core scan with every rule it runs by default finds nothing; on
a phone every display equation either fits the column or is a scroll region a keyboard
reaches, named, with a visible cue, every wide figure says in its caption that it opens
at full size, and the closed navigation drawer is no Tab stop while its menu button
opens it from the keyboard.

Each page is opened once per width (a module's fixture records what the checks need),
so adding a check adds no page loads."""

from __future__ import annotations

import pytest
from test_site import nav_pages

pytestmark = pytest.mark.e2e

PAGES = nav_pages()
DESKTOP, PHONE = 1280, 390


def open_page(browser, server, path: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + path, wait_until="load")
    if path.startswith("explore/"):  # a browser page: once its program has answered
        page.wait_for_selector("[data-ready=true]", timeout=15_000)
    return page


# The element with the focus: where it is in the page, and where on the screen.
FOCUSED = """() => {
    const e = document.activeElement;
    const box = e.getBoundingClientRect();
    return {
        drawer: e.closest('.md-sidebar--primary') !== null,
        search: e.closest('.md-search') !== null,
        content: e.closest('.md-content') !== null,
        text: (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40),
        onScreen: box.right > 0 && box.left < window.innerWidth,
    };
}"""


def tab_to_the_content(page, most: int = 60, drawer_stops: int | None = None) -> list[dict]:
    """Press Tab from the top of the page until the focus reaches the page's text (or,
    given ``drawer_stops``, until it has stopped that many times in the navigation);
    each element it stopped at on the way."""
    stops = []
    for _ in range(most):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["content"]:
            return stops
        if drawer_stops is not None and sum(stop["drawer"] for stop in stops) >= drawer_stops:
            return stops
    raise AssertionError(f"{most} Tab stops and not yet the page's text: {stops}")


EQUATIONS = """els => els.map(e => ({
    fits: e.scrollWidth <= e.clientWidth + 1,
    width: e.getBoundingClientRect().width,
    focusable: e.tabIndex === 0, role: e.getAttribute('role'),
    name: e.getAttribute('aria-label'),
    cue: getComputedStyle(e).backgroundImage,
}))"""

FIGURES = """els => els.map(e => {
    const hint = e.closest('figure').querySelector('.figure-phone-hint');
    return {wide: e.naturalWidth >= 2 * e.naturalHeight,
            hint: hint !== null && hint.checkVisibility(),
            text: hint && hint.textContent};
})"""


def scrolls_by_keyboard(page) -> dict:
    """Focus the page's first scrolling equation and press the right arrow: whether its
    focus ring shows and whether it scrolled."""
    box = page.locator(".math-display[tabindex='0']").first
    box.focus()
    outline = box.evaluate("e => getComputedStyle(e).outlineStyle")
    page.keyboard.press("ArrowRight")
    try:
        page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=2_000)
        scrolled = True
    except Exception:  # Playwright's timeout: recorded, and the test says which page
        scrolled = False
    return {"ring": outline != "none", "scrolled": scrolled}


def visit_every_page(browser, server, width: int) -> dict[str, dict]:
    """Open every page once at ``width``: axe's scan, then (the page untouched until
    then) its equations and figures, the Tab stops before its text, and on a phone the
    keyboard on its first scrolling equation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    records = {}
    for source, path in PAGES.items():
        page = open_page(browser, server, path, width)
        scan = axe.run(page)
        record = {
            "axe_checked": bool(scan.response["passes"]),
            "violations": scan.violations_count,
            "report": scan.generate_report() if scan.violations_count else "",
            "equations": page.eval_on_selector_all(".math-display", EQUATIONS),
            "figures": page.eval_on_selector_all("article figure img", FIGURES),
        }
        # On a desktop, walking the whole navigation column adds nothing to what is asked
        # of it (its links come before the text): three of its stops are enough.
        record["stops"] = tab_to_the_content(page, drawer_stops=3 if width == DESKTOP else None)
        if width == PHONE and any(not equation["fits"] for equation in record["equations"]):
            record["keyboard"] = scrolls_by_keyboard(page)
        page.close()
        records[source] = record
    return records


@pytest.fixture(scope="module")
def desktop(browser, server) -> dict[str, dict]:
    return visit_every_page(browser, server, DESKTOP)


@pytest.fixture(scope="module")
def phone(browser, server) -> dict[str, dict]:
    return visit_every_page(browser, server, PHONE)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("source", sorted(PAGES))
def test_no_accessibility_violations(request, source, width):
    record = request.getfixturevalue("desktop" if width == DESKTOP else "phone")[source]
    assert record["axe_checked"], "axe checked nothing"
    assert record["violations"] == 0, record["report"]


def test_on_a_phone_every_display_equation_fits_or_scrolls_by_keyboard_with_a_cue(phone):
    scrolling = 0
    for source, record in phone.items():
        for k, equation in enumerate(record["equations"]):
            assert equation["width"] <= PHONE, (source, k)  # the box itself never overflows
            if equation["fits"]:
                assert not equation["focusable"], (source, k)  # no needless Tab stop
                continue
            scrolling += 1
            assert equation["focusable"] and equation["role"] == "group", (source, k)
            assert "scrolls" in equation["name"], (source, k)
            assert equation["cue"].count("radial-gradient") == 2, (source, k)  # shadows
        if "keyboard" in record:  # the keyboard scrolled the first, its focus ring shown
            assert record["keyboard"] == {"ring": True, "scrolled": True}, source
    assert scrolling >= 1  # the check met at least one equation wider than a phone


def test_on_a_phone_every_wide_figure_says_it_opens_at_full_size(phone, desktop):
    wide = 0
    for source, record in phone.items():
        for figure in record["figures"]:
            assert figure["hint"] == figure["wide"], (source, figure)
            wide += figure["wide"]
    assert wide >= 3
    # On a desktop the caption says nothing of it.
    for source, record in desktop.items():
        assert not any(figure["hint"] for figure in record["figures"]), source


def test_the_closed_navigation_drawer_is_no_tab_stop(phone, desktop):
    for source, record in phone.items():  # a drawer, closed: nothing in it, nothing off screen
        stops = record["stops"]
        assert not any(stop["drawer"] for stop in stops), (source, stops)
        # (The theme's search box opens when focused, then closes on Tab.)
        shown = [stop for stop in stops if not stop["search"]]
        assert all(stop["onScreen"] for stop in shown), (source, stops)
        assert len(stops) <= 6, (source, stops)
    for source, record in desktop.items():  # a column of the page: its links before the text
        assert sum(stop["drawer"] for stop in record["stops"]) >= 3, (source, record["stops"])


def test_on_a_phone_the_keyboard_opens_the_drawer_walks_it_and_closes_it(browser, server):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, server, PAGES["backprop.md"], PHONE)
    stops = tab_to_the_content(page)
    menu = [stop["text"] for stop in stops].index("Navigation")  # a Tab stop of its own
    page.reload()
    for _ in range(menu + 1):
        page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "Navigation"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    focused = page.evaluate(FOCUSED)
    assert focused["drawer"] and focused["text"] == "The data", focused
    results = Axe().run(page)  # the drawer open, as a reader sees it
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "The network"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate(FOCUSED)["text"] == "Navigation"
    page.keyboard.press(" ")  # Space, as on any button
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.close()
