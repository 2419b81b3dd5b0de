"""The CLI through typer's runner: every read/write command, --json output, exit codes, export round trip."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsweave.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    from newsweave.cli import common

    monkeypatch.setattr(common.console, "width", 200)

REPORTS = [
    {"id": "a", "date": "2024-02-03 08:15", "title": "Bridge reopens after repairs", "source": "Reuters",
     "url": "https://www.reuters.com/world/bridge-reopens", "text": "The harbour bridge reopened on Saturday after "
     "eight months of repairs, the city said. Traffic was light in the morning, and officials said the cost came in "
     "under budget."},
    {"id": "b", "date": "2024-02-05", "title": "Floods close schools", "source": "BBC News", "text": "Heavy rain "
     "flooded roads across the valley on Monday and forced twelve schools to close, local authorities said. "
     "Forecasters expect more rain later in the week."},
]


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    result = invoke("ingest", str(src), "--db", str(path), "--no-process", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["added"] == 2
    return str(path)


def test_ingest_table_and_strict_exit_code(tmp_path, db):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "no text here"}\n', encoding="utf-8")
    result = invoke("ingest", str(bad), "--db", db, "--no-process")
    assert result.exit_code == 0
    assert "rejected" in result.stdout and "no-text" in result.stdout and "bad.jsonl:1" in result.stdout
    assert invoke("ingest", str(bad), "--db", db, "--no-process", "--strict").exit_code == 6


def test_ingest_from_stdin(tmp_path):
    path = str(tmp_path / "s.db")
    text = " date 2024-01-01 " + REPORTS[0]["text"]
    result = invoke("ingest", "-", "--db", path, "--no-process", "--json", input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["added"] == 1


def test_articles_filters_and_json(db):
    rows = json.loads(invoke("articles", "--db", db, "--json").stdout)
    assert [r["title"] for r in rows] == ["Floods close schools", "Bridge reopens after repairs"]  # newest first
    assert "text" not in rows[0]
    only = json.loads(invoke("articles", "--db", db, "--json", "--until", "2024-02-04").stdout)
    assert [r["title"] for r in only] == ["Bridge reopens after repairs"]
    by_outlet = json.loads(invoke("articles", "--db", db, "--json", "--outlet", "reuters").stdout)
    assert len(by_outlet) == 1 and by_outlet[0]["outlet_id"] == "reuters"
    assert "Bridge reopens" in invoke("articles", "--db", db).stdout
    assert invoke("articles", "--db", db, "--since", "yesterday").exit_code == 2


def test_search_ranks_and_snippets(db):
    hits = json.loads(invoke("search", "schools rain", "--db", db, "--json").stdout)
    assert len(hits) == 1 and hits[0]["title"] == "Floods close schools"
    assert "[" in hits[0]["snippet"]
    assert json.loads(invoke("search", "volcano", "--db", db, "--json").stdout) == []
    assert "no matches" in invoke("search", "volcano", "--db", db).stdout


def test_search_snippets_with_the_texts_own_brackets(tmp_path):
    path, src = tmp_path / "b.db", tmp_path / "b.jsonl"
    src.write_text(json.dumps({"id": "c", "title": "Council vote", "text": "The council [sic] voted on Monday "
                              "to rebuild the bridge], officials said [/], and the work starts in May."}) + "\n",
                   encoding="utf-8")
    assert invoke("ingest", str(src), "--db", str(path), "--json").exit_code == 0
    result = invoke("search", "bridge", "--db", str(path))
    assert result.exit_code == 0 and "bridge]" in result.stdout and "[sic]" in result.stdout  # shown as written
    (hit,) = json.loads(invoke("search", "bridge", "--db", str(path), "--json").stdout)
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["bridge"]
    assert all(hit["snippet"][a - 1] == "[" and hit["snippet"][b] == "]" for a, b in hit["highlights"])


def test_show_by_id_and_prefix_and_not_found(db):
    rows = json.loads(invoke("articles", "--db", db, "--json").stdout)
    full = json.loads(invoke("show", rows[1]["id"], "--db", db, "--json").stdout)
    assert full["text"].startswith("The harbour bridge") and full["published"].startswith("2024-02-03T08:15")
    assert full["date_precision"] == "minute"
    assert "harbour bridge" in invoke("show", rows[1]["id"][:8], "--db", db).stdout
    missing = invoke("show", "ffffffffffffffff", "--db", db)
    assert missing.exit_code == 4 and "no article" in missing.output


def test_export_round_trip(tmp_path, db):
    out = tmp_path / "out.jsonl"
    assert invoke("export", "--db", db, "--format", "jsonl", "-o", str(out)).exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["title"] for r in records} == {r["title"] for r in REPORTS}
    fresh = str(tmp_path / "fresh.db")
    again = json.loads(invoke("ingest", str(out), "--db", fresh, "--no-process", "--json").stdout)
    assert again["counts"]["added"] == 2
    a = json.loads(invoke("articles", "--db", db, "--json").stdout)
    b = json.loads(invoke("articles", "--db", fresh, "--json").stdout)
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ("ingested", "ingested_from")} for r in rows]
    assert strip(a) == strip(b)
    csv_out = invoke("export", "--db", db, "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("id,published")
    assert invoke("export", "--db", db, "--format", "xml").exit_code == 2


def test_stats_and_rejections(tmp_path, db):
    data = json.loads(invoke("stats", "--db", db, "--json").stdout)
    assert data["articles"] == 2 and data["rejections"] == 0 and data["dateless"] == 0
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    invoke("ingest", str(bad), "--db", db, "--no-process")
    rej = json.loads(invoke("rejections", "--db", db, "--json").stdout)
    assert rej[0]["reason"] == "empty" and rej[0]["source"].endswith("empty.txt")


def test_bad_database_path_is_a_store_error(tmp_path):
    not_db = tmp_path / "x.db"
    not_db.write_text("hello " * 1000)
    result = invoke("stats", "--db", str(not_db))
    assert result.exit_code == 3 and "cannot open" in " ".join(result.output.split())  # (rich wraps long paths)


def test_help_lists_every_command():
    out = invoke("--help").stdout
    for cmd in ("ingest", "articles", "search", "show", "export", "stats", "stories", "story", "analyze", "group",
                "compare", "serve", "eval", "demo"):
        assert cmd in out


def test_group_skips_bad_records_names_them_and_groups_the_rest(tmp_path):
    src = tmp_path / "in.jsonl"
    good = [json.dumps(r) for r in REPORTS]
    lines = [good[0], "{not json", json.dumps({"id": "c", "text": "x", "date": "2024-13-45"}),
             json.dumps({"id": "a", "text": "the same id again"}), json.dumps({"title": "no id or text"}), good[1]]
    src.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "d", "text": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["group", str(src), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a", "b"]
    for line_no, why in ((2, "not a JSON object"), (3, "date '2024-13-45' is not an ISO date"),
                         (4, "duplicate id 'a'"), (5, "each line needs an 'id'"), (7, "line is not UTF-8")):
        assert f"in.jsonl:{line_no}: {why}" in " ".join(result.output.split()), (line_no, result.output)


def test_group_strict_stops_at_the_first_bad_record(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(REPORTS[0]) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["group", str(src), "--strict"])
    assert result.exit_code == 2
    assert "in.jsonl:2" in result.output


def test_a_report_titled_only_by_a_date_is_listed_by_its_first_line(tmp_path):
    path = tmp_path / "dated.db"
    src = tmp_path / "in.jsonl"
    rec = {"id": "q", "date": "2024-02-03", "title": "Posted 2/13/2024 7:21 AM",
           "text": "Posted 2/13/2024 7:21 AM\nFerry runs aground off the island\nA ferry ran aground on Tuesday."}
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert invoke("ingest", str(src), "--db", str(path), "--no-process").exit_code == 0
    listing = invoke("articles", "--db", str(path)).stdout
    assert "Ferry runs aground off the island" in listing and "Posted 2/13" not in listing
    (row,) = json.loads(invoke("articles", "--db", str(path), "--json").stdout)
    assert row["title"] == "Posted 2/13/2024 7:21 AM"  # stored and exported as the source gave it
