"""The outlet directory: bundled data, user extensions, matching by domain and name, mentions in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.ingest.outlets import (
    OUTLETS_ENV,
    domain_of,
    find_outlet_mentions,
    load_outlets,
    normalise_name,
)
from newsweave.model import OutletKind

KINDS = set(OutletKind.__args__)


@pytest.fixture(scope="module")
def outlets():
    return load_outlets()


def test_bundled_directory(outlets) -> None:
    assert len(outlets) >= 80
    assert len({o.id for o in outlets}) == len(outlets)
    assert all(o.kind in KINDS and o.name and o.domains for o in outlets)
    assert {o.kind for o in outlets} >= {"wire agency", "newspaper", "broadcaster", "government", "state media"}
    assert outlets.get("sputnik").kind == "state media" and outlets.get("rt").kind == "state media"
    assert outlets.get("reuters").kind == "wire agency" and outlets.get("wikinews").kind == "online"


@pytest.mark.parametrize("kwargs,expected", [
    ({"url": "https://edition.cnn.com/2021/11/08/world/story/index.html"}, "cnn"),
    ({"url": "https://www.reuters.com/world/"}, "reuters"),
    ({"domain": "WWW.BBC.CO.UK"}, "bbc"),
    ({"domain": "news.sky.com"}, "skynews"),
    ({"domain": "sky.com"}, None),
    ({"domain": "notreuters.com"}, None),
    ({"name": "AP"}, "ap"),
    ({"name": "The Associated Press"}, "ap"),
    ({"name": "associated press"}, "ap"),
    ({"name": "Associated Press (AP)"}, "ap"),
    ({"name": "the new york times"}, "nytimes"),
    ({"name": "N.Y. Times"}, "nytimes"),
    ({"name": "NY Times"}, "nytimes"),
    ({"name": "U.S. State Department"}, "statedept"),
    ({"name": "Al-Jazeera"}, "aljazeera"),
    ({"name": "El Pais"}, "elpais"),
    ({"name": "BBC News Online"}, "bbc"),
    ({"name": "reuters.com"}, "reuters"),
    ({"name": "The Daily Bugle"}, None),
    ({"name": "Reuters", "url": "https://www.bbc.com/news/x"}, "bbc"),  # the address wins over a free-text name
    ({"name": "Reuters", "url": "https://unknown.example/x"}, "reuters"),
    ({}, None),
])
def test_match(outlets, kwargs, expected) -> None:
    found = outlets.match(**kwargs)
    assert (found.id if found else None) == expected


def test_user_file_extends_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "id,name,domains,country,kind,aliases\n"
        "veloria-herald,Veloria Herald,veloriaherald.example,VL,newspaper,The Herald|VH\n"
        "reuters,Reuters,reuters.com reuters.example,GB,wire agency,Reuters Wire\n",
        encoding="utf-8",
    )
    directory = load_outlets(extra)
    assert len(directory) == len(load_outlets()) + 1
    assert directory.match(name="VH").id == "veloria-herald"
    assert directory.match(url="https://m.veloriaherald.example/a").country == "VL"
    assert directory.match(domain="reuters.example").id == "reuters"
    assert directory.get("reuters").aliases == ("Reuters Wire",)
    monkeypatch.setenv(OUTLETS_ENV, str(extra))
    assert load_outlets().match(name="Veloria Herald").id == "veloria-herald"


def test_malformed_user_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,domains,country,kind,aliases\nx,X Times,x.example,,tabloid,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.csv:2.*tabloid"):
        load_outlets(bad)
    with pytest.raises(ConfigError, match="cannot be read"):
        load_outlets(tmp_path / "absent.csv")


def test_mentions_in_text(outlets) -> None:
    text = (
        "He said in a statement quoted by Reuters, while the Associated Press and AFP cited officials. "
        "She told the Guardian on Monday that the Guardian Council had met. BAGHDAD (REUTERS) - "
        "as reported by news agency Sputnik; an independent inquiry, the Times said, on the Hill."
    )
    found = [(text[s:e], o.id) for s, e, o in find_outlet_mentions(text, outlets)]
    assert found == [
        ("Reuters", "reuters"), ("Associated Press", "ap"), ("AFP", "afp"), ("Guardian", "guardian"),
        ("REUTERS", "reuters"), ("Sputnik", "sputnik"),
    ]
    for start, end, outlet in find_outlet_mentions(text, outlets):
        assert text[start:end] in (outlet.name, *outlet.aliases, outlet.name.upper(), "Guardian")


def test_mentions_do_not_split_words(outlets) -> None:
    assert find_outlet_mentions("CAPTAIN ABCDE met APPLE executives in Reutersville.", outlets) == []
    (hit,) = find_outlet_mentions("a report by CNN-News18", outlets)
    assert hit[2].id == "news18"


def test_helpers() -> None:
    assert normalise_name("The  Associated-Press!") == "associated press"
    assert normalise_name("U.S. Department of State") == "us department of state"
    assert domain_of("https://WWW.Example.COM:8080/x") == "example.com"
    assert domain_of("example.org") == "example.org"
    assert domain_of("") is None
