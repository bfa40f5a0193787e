"""Every page of the site at a desktop's (1280 px) and a phone's (390 px) width, in
headless Chromium: an axe-core scan with every rule it runs by default finds nothing; on
a phone every display equation either fits the column or is a scroll region a keyboard
reaches, named, with a visible cue, every wide figure says in its caption that it opens
at full size, and the closed navigation drawer is no Tab stop while its menu button
opens it from the keyboard."""

from __future__ import annotations

import pytest
from test_site import nav_pages

pytestmark = pytest.mark.e2e

PAGES = nav_pages()
PHONE = 390


def open_page(browser, server, path: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + path, wait_until="networkidle")
    if path.startswith("explore/"):  # a browser page: once its program has answered
        page.wait_for_selector("[data-ready=true]", timeout=15_000)
    return page


@pytest.mark.parametrize("width", [1280, PHONE])
@pytest.mark.parametrize("source", sorted(PAGES))
def test_no_accessibility_violations(browser, server, source, width):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, server, PAGES[source], width)
    results = Axe().run(page)
    page.close()
    assert results.response["passes"], "axe checked nothing"
    assert results.violations_count == 0, results.generate_report()


def test_on_a_phone_every_display_equation_fits_or_scrolls_by_keyboard_with_a_cue(browser, server):
    scrolling = 0
    for source, path in PAGES.items():
        page = open_page(browser, server, path, PHONE)
        equations = page.eval_on_selector_all(
            ".math-display",
            """els => els.map(e => ({
                fits: e.scrollWidth <= e.clientWidth + 1,
                width: e.getBoundingClientRect().width,
                focusable: e.tabIndex === 0, role: e.getAttribute('role'),
                name: e.getAttribute('aria-label'),
                cue: getComputedStyle(e).backgroundImage,
            }))""",
        )
        for k, equation in enumerate(equations):
            assert equation["width"] <= PHONE, (source, k)  # the box itself never overflows
            if equation["fits"]:
                assert not equation["focusable"], (source, k)  # no needless Tab stop
                continue
            scrolling += 1
            assert equation["focusable"] and equation["role"] == "group", (source, k)
            assert "scrolls" in equation["name"], (source, k)
            assert equation["cue"].count("radial-gradient") == 2, (source, k)  # shadows
        if any(not equation["fits"] for equation in equations):
            # The keyboard scrolls the first such equation, and its focus ring shows.
            box = page.locator(".math-display[tabindex='0']").first
            box.focus()
            assert box.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
            page.keyboard.press("ArrowRight")
            page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=2_000)
        page.close()
    assert scrolling >= 1  # the check met at least one equation wider than a phone


def test_on_a_phone_every_wide_figure_says_it_opens_at_full_size(browser, server):
    wide = 0
    for source, path in PAGES.items():
        page = open_page(browser, server, path, PHONE)
        figures = page.eval_on_selector_all(
            "article figure img",
            """els => els.map(e => {
                const hint = e.closest('figure').querySelector('.figure-phone-hint');
                return {wide: e.naturalWidth >= 2 * e.naturalHeight,
                        hint: hint !== null && hint.checkVisibility(),
                        text: hint && hint.textContent};
            })""",
        )
        for figure in figures:
            assert figure["hint"] == figure["wide"], (source, figure)
            wide += figure["wide"]
        page.close()
    assert wide >= 3
    # On a desktop the caption says nothing of it.
    page = open_page(browser, server, PAGES["digits/sweep.md"], 1280)
    assert not page.locator(".figure-phone-hint").is_visible()
    page.close()


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


def tab_to_the_content(page, most: int = 60) -> list[dict]:
    """Press Tab from the top of the page until the focus reaches the page's text; each
    element it stopped at on the way."""
    stops = []
    for _ in range(most):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["content"]:
            return stops
    raise AssertionError(f"{most} Tab stops and not yet the page's text: {stops}")


@pytest.mark.parametrize("width", [1280, PHONE])
def test_the_closed_navigation_drawer_is_no_tab_stop_and_its_button_opens_it(
    browser, server, width
):
    from axe_playwright_python.sync_playwright import Axe

    for source, path in PAGES.items():
        page = open_page(browser, server, path, width)
        stops = tab_to_the_content(page)
        if width == PHONE:  # a drawer, closed: nothing in it, nothing off the screen
            assert not any(stop["drawer"] for stop in stops), (source, stops)
            # (The theme's search box opens when focused, then closes on Tab.)
            shown = [stop for stop in stops if not stop["search"]]
            assert all(stop["onScreen"] for stop in shown), (source, stops)
            assert len(stops) <= 6, (source, stops)
        else:  # the navigation is a column of the page: its links come before the text
            assert sum(stop["drawer"] for stop in stops) >= 3, (source, stops)
        page.close()

    if width == PHONE:  # the keyboard opens the drawer, walks it and closes it
        page = open_page(browser, server, PAGES["backprop.md"], width)
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
