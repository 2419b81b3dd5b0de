"""Fixtures of the web tests: the sample corpus ingested once per session (with hostile reports added), and
in-process clients over it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsweave
from newsweave.serve.app import create_app

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "newsweave" / "data" / "sample"
TOKEN = "test-token-Zq9"

# Reports whose title, text, outlet and URL try to inject markup. They must come out inert everywhere.
EVIL_TITLE = 'Harbour fire "><img src=x onerror=alert(1)> <script>alert("title")</script> spreads'
EVIL_OUTLET = "<b onmouseover=alert(6)>Evil Gazette</b>"
EVIL_TEXT = (
    'Firefighters said on Monday that the harbour fire "><img src=x onerror=alert(2)> had spread to three '
    "warehouses. <script>alert(3)</script> The port authority said in a statement that nobody was hurt. "
    "' onfocus='alert(7)' autofocus=' The blaze began on Sunday night, officials said. </textarea><svg onload=alert(4)>"
)
EVIL_RECORDS = [
    {"id": "evil-1", "title": EVIL_TITLE, "text": EVIL_TEXT, "outlet": EVIL_OUTLET, "date": "2024-03-04",
     "url": "javascript:alert(5)"},
    {"id": "evil-2", "title": "Harbour fire <script>alert(8)</script> under control",
     "text": EVIL_TEXT.replace("three", "four") + " The fire was under control by Tuesday, officials said.",
     "outlet": "Port News", "date": "2024-03-05", "url": "https://example.org/fire?a=1&b=<x>"},
]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the sample corpus and the hostile reports, processed (analysis, stories, dossiers)."""
    path = tmp_path_factory.mktemp("serve") / "sample.db"
    with newsweave.open(path) as nw:
        nw.ingest_records(EVIL_RECORDS, source="evil.json", process=False)
        nw.ingest([SAMPLE])
    return path


@pytest.fixture(scope="session")
def app(sample_db: Path):
    return create_app(str(sample_db), token=TOKEN)


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def story_ids(client: TestClient) -> list[str]:
    return [s["id"] for s in client.get("/api/stories", params={"limit": 500}).json()["stories"]]


@pytest.fixture(scope="session")
def conflict_story(client: TestClient, story_ids: list[str]) -> tuple[str, dict]:
    """The id and dossier of a story with at least one contradiction (the example reports have one)."""
    for sid in story_ids:
        dossier = client.get(f"/api/stories/{sid}").json()
        if any(c.get("verdict") == "contradiction" for c in dossier.get("conflicts", [])):
            return sid, dossier
    pytest.fail("no story of the sample corpus has a contradiction; the example reports should give one")


@pytest.fixture
def write_db(tmp_path: Path) -> Path:
    path = tmp_path / "write.db"
    newsweave.open(path).close()
    return path


class TagCollector(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_text.append(data)


def assert_inert(html: str) -> None:
    """No injected element or event handler: only our own tags, scripts only from /static, no inline code."""
    parser = TagCollector()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "svg", "iframe", "object", "embed", "textarea", "b"), f"injected <{tag}> {attrs}"
        handlers = [k for k in attrs if k.lower().startswith("on") or k.lower() == "autofocus"]
        assert not handlers, f"event handler attribute on <{tag}>: {attrs}"
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), f"script not from /static: {attrs}"
        for key in ("href", "src", "action"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), f"{key}={value!r} on <{tag}>"
    assert not parser.script_text, f"inline script: {parser.script_text}"
