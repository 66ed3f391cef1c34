"""Trunk post_build hook, the first: the wasm and its JS glue as shipped.

wasm-bindgen names every import the wasm makes of its glue `__wbg_<method>_<16 hex
digits>`, inside the module `./article-viewer_bg.js`: about 250 names that brotli
cannot shrink, written twice (the wasm's import section, the glue's import object).
Here they become the shortest identifiers (`a`, `b`, … `aa`, …) and the module `a`,
in both files, and the glue loses its doc comments, whole-line `//` comments and
indentation. Together about 6 KB of brotli (BENCHMARKS.md, Bundle). The SRI hashes
in index.html are updated to match; scripts/post-build.sh runs embed-manifest.sh and
site.sh, which copy index.html's head, after this. Files are replaced whole (written
aside, then renamed), never seen half-written.

Refused, failing the build rather than shipping a broken pair: a name that is not
used exactly once in the glue, a template literal spanning lines, a block comment
that does not start a line, a line continued with a backslash.
"""
import base64
import glob
import hashlib
import os
import re
import sys

MODULE = b"./article-viewer_bg.js"


def fail(msg):
    sys.exit(f"minify-glue.py: {msg}")


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def uleb(n):
    out = bytearray()
    while True:
        x, n = n & 0x7F, n >> 7
        out.append(x | 0x80 if n else x)
        if not n:
            return bytes(out)


def short(k):
    """The k-th identifier: a … z, A … Z, aa, ab, …"""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    s, k = "", k + 1
    while k:
        k -= 1
        s, k = letters[k % 52] + s, k // 52
    return s


def rename_imports(wasm):
    """The wasm with its glue imports renamed, and the old name → new name map."""
    if wasm[:8] != b"\0asm\1\0\0\0":
        fail("not a wasm module")
    out, i, names = bytearray(wasm[:8]), 8, {}
    while i < len(wasm):
        sid = wasm[i]
        size, j = leb(wasm, i + 1)
        end = j + size
        if sid != 2:
            out += wasm[i:end]
            i = end
            continue
        n, k = leb(wasm, j)
        body = bytearray(uleb(n))
        for _ in range(n):
            length, k = leb(wasm, k)
            module = wasm[k : k + length]
            k += length
            length, k = leb(wasm, k)
            name = wasm[k : k + length].decode()
            k += length
            start, kind = k, wasm[k]
            k += 1
            if kind == 0:  # function: type index
                _, k = leb(wasm, k)
            elif kind == 1:  # table: reftype, limits
                k += 1
                flags = wasm[k]
                k += 1
                _, k = leb(wasm, k)
                if flags & 1:
                    _, k = leb(wasm, k)
            elif kind == 2:  # memory: limits
                flags = wasm[k]
                k += 1
                _, k = leb(wasm, k)
                if flags & 1:
                    _, k = leb(wasm, k)
            elif kind == 3:  # global: valtype, mutability
                k += 2
            else:
                fail(f"import kind {kind} unknown")
            desc = wasm[start:k]
            if module == MODULE:
                if not re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", name):
                    fail(f"import {name!r} is not an identifier")
                new = names.setdefault(name, short(len(names)))
                module, name = b"a", new
            body += uleb(len(module)) + module + uleb(len(name.encode())) + name.encode() + desc
        if k != end:
            fail("the import section did not parse to its end")
        out += bytes([2]) + uleb(len(body)) + body
        i = end
    return bytes(out), names


def strip(js):
    # A comment from a line's start to a line's end, with no `*/` inside it: a lazy
    # `.*?` could run past one into code and on to a later comment's end.
    js = re.sub(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", "", js, flags=re.S | re.M)
    if "/*" in js:
        fail("a block comment inside a line")
    js = re.sub(r"^[ \t]*//[^\n]*\n", "", js, flags=re.M)
    if re.search(r"\\\n", js):
        fail("a line ending in a backslash")
    if any(line.count("`") % 2 for line in js.split("\n")):
        fail("a template literal spans lines")
    js = re.sub(r"^[ \t]+", "", js, flags=re.M)
    return re.sub(r"\n{2,}", "\n", js)


def replace(path, data):
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main():
    os.chdir(os.environ.get("TRUNK_STAGING_DIR") or fail("run by trunk as a post_build hook"))
    [wasm_path] = glob.glob("article-viewer-*_bg.wasm")
    [js_path] = [p for p in glob.glob("article-viewer-*.js") if "_bg" not in p]
    wasm = open(wasm_path, "rb").read()
    js = open(js_path, "rb").read().decode("utf-8")
    new_wasm, names = rename_imports(wasm)
    new_js = strip(js)
    for old, new in names.items():
        pattern = re.compile(r"(?<![\w$])" + re.escape(old) + r"(?![\w$])")
        if len(pattern.findall(new_js)) != 1:
            fail(f"{old}: not used exactly once in {js_path}")
        new_js = pattern.sub(new, new_js)
    key = f'"{MODULE.decode()}": import0'
    if new_js.count(key) != 1:
        fail(f"{js_path}: no single import object for {MODULE.decode()}")
    new_js = new_js.replace(key, "a: import0")
    html = open("index.html", "rb").read().decode("utf-8")
    for old, new in ((sri(wasm), sri(new_wasm)), (sri(js.encode()), sri(new_js.encode()))):
        if html.count(old) != 1:
            fail(f"index.html: integrity {old} not found once")
        html = html.replace(old, new)
    replace(wasm_path, new_wasm)
    replace(js_path, new_js.encode())
    replace("index.html", html.encode())


main()
