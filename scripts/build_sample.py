"""Rebuild the bundled sample corpus (src/newsweave/data/sample/) from ../shared.

Only openly licensed material goes in: the two example reports, ECB+ topics (CC BY 3.0) and MEANTIME
Wikinews articles (CC BY 4.0). See src/newsweave/data/sample/ATTRIBUTION.md.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "src" / "newsweave" / "data" / "sample"
ECB_TOPICS = ("20", "8", "1", "19")  # earthquakes, bank bombings, rehab check-ins, riots: two events each
MEANTIME_DOCS = 12


def detokenise(text: str) -> str:
    """MEANTIME texts are tokens joined by spaces; undo the common cases for a readable sample."""
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    return text


def main() -> int:
    if not SHARED.exists():
        print(f"{SHARED} not found", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for f in sorted((SHARED / "examples").glob("*.txt")):
        shutil.copy(f, OUT / f.name)
    with (OUT / "ecbplus_topics.jsonl").open("w", encoding="utf-8") as out:
        for line in (SHARED / "data" / "ecbplus_train.jsonl").open(encoding="utf-8"):
            rec = json.loads(line)
            if rec["topic"] in ECB_TOPICS or str(rec["topic"]) in ECB_TOPICS:
                out.write(json.dumps({"id": rec["id"], "title": rec["title"], "text": rec["text"],
                                      "url": rec.get("url"), "source": rec.get("source")}, ensure_ascii=False) + "\n")
    with (OUT / "meantime_wikinews.jsonl").open("w", encoding="utf-8") as out:
        for i, line in enumerate((SHARED / "data" / "meantime_en.jsonl").open(encoding="utf-8")):
            if i >= MEANTIME_DOCS:
                break
            rec = json.loads(line)
            lines = rec["text"].split("\n")
            title, body = lines[0], "\n".join(lines[2:])  # line 2 is the dateline
            out.write(json.dumps({"id": rec["doc_id"], "date": rec["dct"], "title": detokenise(title),
                                  "text": detokenise(body), "url": rec["url"], "source": "Wikinews"},
                                 ensure_ascii=False) + "\n")
    print(f"sample corpus written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
