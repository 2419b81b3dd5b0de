"""A real browser (Debian's chromium, driven by Playwright) reads the sample corpus through the web UI.

Stories page → a story with a contradiction → timeline and both sides visible → a citation → the cited
sentence highlighted in its article. Screenshots go to test-artifacts/ (and docs/screenshots/story.png is
written when missing, for the README).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
README_SHOT = ROOT / "docs" / "screenshots" / "story.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(sample_db: Path) -> Iterator[str]:
    import uvicorn

    from newsweave.serve.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(sample_db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def _watch(page) -> list[str]:
    """Console errors (CSP violations show up there) and any dialog (an executed alert() would open one)."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def dialog(d) -> None:
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    return problems


def test_read_a_contradiction_and_follow_a_citation(browser, base_url: str,
                                                    conflict_story: tuple[str, dict]) -> None:
    sid, dossier = conflict_story
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = _watch(page)

    page.goto(base_url + "/")
    assert page.locator("h1").first.inner_text() == "Stories"
    link = page.locator(f'table.stories a[href="/stories/{sid}"]')
    assert link.count() == 1, "the story with the contradiction is listed on the stories page"
    page.screenshot(path=str(ARTIFACTS / "stories.png"), full_page=True)
    link.click()
    page.wait_for_url(f"**/stories/{sid}")

    timeline = page.locator("#timeline")
    timeline.scroll_into_view_if_needed()
    assert timeline.is_visible()
    if dossier["timeline"]:
        assert page.locator("#timeline li.event").first.is_visible()
        assert page.locator("#timeline li.event").count() == len(dossier["timeline"])

    conflict = page.locator("#contradictions .conflict").first
    conflict.scroll_into_view_if_needed()
    side_a, side_b = conflict.locator(".side-a"), conflict.locator(".side-b")
    assert side_a.is_visible() and side_b.is_visible()
    first = next(c for c in dossier["conflicts"] if c["verdict"] == "contradiction")
    for side, loc in zip(first["sides"], (side_a, side_b), strict=True):
        quote = loc.locator("blockquote.quote")
        assert quote.is_visible()
        assert " ".join(side["evidence"]["text"].split())[:30] in " ".join(quote.inner_text().split())
    box_a, box_b = side_a.bounding_box(), side_b.bounding_box()
    assert box_a and box_b and box_a["x"] + box_a["width"] <= box_b["x"], "sides are shown side by side"
    conflict.screenshot(path=str(ARTIFACTS / "contradiction.png"))

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "story.png"))
    page.screenshot(path=str(ARTIFACTS / "story-full.png"), full_page=True)
    if not README_SHOT.exists():  # summary and the first contradiction, for the README
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1200, "height": 1500})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(README_SHOT))
        page.set_viewport_size({"width": 1280, "height": 900})

    # follow the citation of the contradiction's first side
    cite = side_a.locator("a.cite-link")
    href = cite.get_attribute("href")
    assert href and "#cite" in href
    cite.click()
    page.wait_for_url("**/articles/**")
    mark = page.locator("mark#cite")
    assert mark.count() == 1
    mark.wait_for(state="visible")
    assert mark.evaluate("el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }")
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the cited sentence is highlighted"
    highlighted = "".join(page.locator("mark.cite").all_inner_texts())
    assert " ".join(first["sides"][0]["evidence"]["text"].split())[:30] in " ".join(highlighted.split())
    page.screenshot(path=str(ARTIFACTS / "article-cited.png"))

    # the layer toggles (our JavaScript) work under the CSP
    toggle = page.locator('fieldset.layers input[data-layer="ent"]')
    if toggle.count():
        assert toggle.is_visible()
        toggle.uncheck()
        assert "show-ent" not in (page.locator("body").get_attribute("class") or "")
    assert not problems, problems
    context.close()


def test_phone_layout_and_hostile_reports(browser, base_url: str,
                                          conflict_story: tuple[str, dict]) -> None:
    sid, _ = conflict_story
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    problems = _watch(page)
    page.goto(f"{base_url}/stories/{sid}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"no horizontal scrolling on a phone (page is {width}px wide)"
    page.screenshot(path=str(ARTIFACTS / "story-phone.png"))
    page.goto(f"{base_url}/?q=harbour")
    for link in page.locator("ol.hit-list a.hit-title").all()[:2]:
        href = link.get_attribute("href")
        page.goto(base_url + href)
        assert "<script>" in page.locator("h1").inner_text() or "Harbour" in page.locator("h1").inner_text()
        page.goto(f"{base_url}/?q=harbour")
    assert not problems, problems
    context.close()
