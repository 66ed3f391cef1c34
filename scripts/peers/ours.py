"""Our importer's article JSON (one file per page, from article-cli import --out-dir)
in the shape score.py reads. Dev only."""
import json
import os
import sys


def text(t):
    return t if isinstance(t, str) else "".join(s if isinstance(s, str) else s["text"] for s in t)


out_dir = sys.argv[1]
for page in sys.argv[2:]:
    stem = os.path.splitext(os.path.basename(page))[0]
    # The id article-cli gives a file name: invalid characters as -, a letter first.
    stem = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in stem)
    if not (stem[:1].isascii() and stem[:1].isalpha()):
        stem = "a-" + stem
    path = os.path.join(out_dir, stem + ".json")
    if not os.path.exists(path):
        print(json.dumps({"file": os.path.basename(page)}))
        continue
    a = json.load(open(path, encoding="utf-8"))
    blocks, heads = list(a.get("lead", [])), []

    def walk(sections):
        for s in sections:
            heads.append(s["heading"])
            blocks.extend(s.get("blocks", []))
            walk(s.get("sections", []))

    walk(a.get("sections", []))
    print(json.dumps({
        "file": os.path.basename(page),
        "title": a.get("title"),
        "published": a.get("published"),
        "authors": [x["name"] for x in a.get("authors", [])],
        "source": (a.get("source") or {}).get("name"),
        "breadcrumb": [c["name"] for c in a.get("breadcrumb", [])],
        "paragraphs": [text(b["text"]) for b in blocks if b["type"] == "paragraph"],
        "headings": heads,
        "images": sum(1 for b in blocks if b["type"] == "figure"),
    }, ensure_ascii=False))
