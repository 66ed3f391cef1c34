"""GNE (GeneralNewsExtractor) on each page named on the command line: one JSON line per
page in the shape score.py reads. Dev only; runs in the virtualenv under target/."""
import json
import os
import sys

from gne import GeneralNewsExtractor


def read(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


for path in sys.argv[1:]:
    try:
        r = GeneralNewsExtractor().extract(read(path))
    except Exception as e:  # a crash is a miss on every field, not the end of the run
        r = {"error": str(e)}
    content = r.get("content") or ""
    author = (r.get("author") or "").strip()
    print(json.dumps({
        "file": os.path.basename(path),
        "title": r.get("title") or None,
        "published": r.get("publish_time") or None,
        "authors": [author] if author else [],
        "source": None,
        "breadcrumb": [],
        "paragraphs": [p.strip() for p in content.split("\n") if p.strip()],
        "headings": [],
        "images": len(r.get("images") or []),
    }, ensure_ascii=False))
