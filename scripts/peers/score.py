"""Scores importers against the fixture set's hand-checked expectations, field by
field, with the rules of crates/article-html/tests/fixtures.rs, and writes the table
into BENCHMARKS.md between its peer-table markers. Input: one JSON-lines file per
tool ({file, title, published, authors, source, breadcrumb, paragraphs, headings,
images}). Dev only: scripts/compare-importers runs it."""
import json
import re
import sys

FIELDS = ["title", "published", "authors", "source", "breadcrumb", "first", "last",
          "headings", "images", "chrome"]


# Punctuation width does not count: our importers write full-width marks between
# Chinese text where the page had ASCII ones (`评:运营商` -> `评：运营商`).
WIDTH = str.maketrans("，；：？！（）", ",;:?!()")


def norm(s):
    return re.sub(r"[\s\u3000]+", "", s).translate(WIDTH) if isinstance(s, str) else s


def day(s):
    if not isinstance(s, str):
        return None
    m = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", s)
    return "%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3))) if m else None


def right(field, want, got):
    paras = got.get("paragraphs") or []
    if field == "published":
        return day(want) == day(got.get("published"))
    if field == "authors":
        return sorted(map(norm, want or [])) == sorted(map(norm, got.get("authors") or []))
    if field in ("breadcrumb", "headings"):
        return [norm(x) for x in want or []] == [norm(x) for x in got.get(field) or []]
    if field == "images":
        return want == got.get("images")
    if field == "first":
        return norm(want) == norm(paras[0] if paras else None)
    if field == "last":
        return norm(want) == norm(paras[-1] if paras else None)
    if field == "chrome":
        body = norm("".join(paras + (got.get("headings") or [])))
        return all(norm(c) not in body for c in want)
    return norm(want) == norm(got.get(field))


def main():
    expected_path, bench_path = sys.argv[1], sys.argv[2]
    tools = [arg.split("=", 1) for arg in sys.argv[3:]]
    expected = json.load(open(expected_path, encoding="utf-8"))
    scores = {}
    for name, path in tools:
        rows = {}
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line:
                r = json.loads(line)
                rows[r["file"]] = r
        scores[name] = {f: sum(right(f, want[f], rows.get(page, {})) for page, want in expected.items())
                        for f in FIELDS}
    n = len(expected)
    head = "| field | " + " | ".join(name for name, _ in tools) + " |"
    sep = "|---|" + "---|" * len(tools)
    lines = [head, sep]
    for f in FIELDS:
        cells = []
        best = max(scores[name][f] for name, _ in tools)
        for name, _ in tools:
            v = scores[name][f]
            cell = "%d/%d (%d %%)" % (v, n, round(100 * v / n))
            cells.append("**%s**" % cell if v == best else cell)
        lines.append("| %s | %s |" % (f, " | ".join(cells)))
    table = "\n".join(lines)
    print(table)
    text = open(bench_path, encoding="utf-8").read()
    start, end = "<!-- peer-table:start -->", "<!-- peer-table:end -->"
    if start in text and end in text:
        text = text[: text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
        open(bench_path, "w", encoding="utf-8").write(text)
    else:
        print("BENCHMARKS.md has no peer-table markers; table not written", file=sys.stderr)


main()
