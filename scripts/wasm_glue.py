"""Shrinks a wasm-bindgen 0.2.130 module pair (`X_bg.wasm` + its `--target web` glue `X.js`) after Trunk's
wasm-opt, for `scripts/post-build` (docs/design.md §7: the first view's budget). Behaviour is unchanged:

1. Dead glue classes go: an `export class` with neither a `constructor` nor a `static __wrap` can never be
   instantiated (wasm-bindgen writes `__wrap` only when Rust hands such an object to JavaScript), so its methods
   and its `FinalizationRegistry` are dead. Leptos brings three through `server_fn` → `wasm-streams`
   (`IntoUnderlyingSource`, `…Sink`, `…ByteSource`); their wasm exports are removed by wasm-opt already
   (`data-wasm-opt-params` in index.html), so that their code goes too.
2. Exports the glue never reads (`wasm.NAME`) leave the export section (`main`, wasm-bindgen's abort globals,
   Leptos's wasm-split marker, whatever step 1 orphaned). Only the entry goes: the code stays if still called.
3. Every import and export gets a short name, in the wasm and in the glue alike: wasm-bindgen names imports
   `__wbg_<method>_<16 hex digits>`, which brotli cannot compress, twice (wasm and glue). The custom sections
   (`producers`, `target_features`, Leptos's `__wasm_split_unstable`) go: notes for tools, which browsers skip.
4. terser minifies the glue (Trunk's own minifier fails on `export default` and leaves it as is).

Every rewrite checks the shape it expects and fails the build otherwise, so a wasm-bindgen upgrade that writes
something else cannot slip through; the e2e suite then runs the result. Pure functions of their inputs, so a
build stays reproducible.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass


class GlueError(Exception):
    """The glue or the module is not shaped as this step expects."""


# --- the wasm binary format (only what names need: sections, imports, exports) ---


def _uleb(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= len(data):
            raise GlueError("truncated LEB128 number")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _leb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _name(data: bytes, at: int) -> tuple[str, int]:
    length, at = _uleb(data, at)
    return data[at : at + length].decode("utf-8"), at + length


def _encode_name(name: str) -> bytes:
    raw = name.encode("utf-8")
    return _leb(len(raw)) + raw


def _limits(data: bytes, at: int) -> int:
    flags = data[at]
    _, at = _uleb(data, at + 1)
    if flags & 1:
        _, at = _uleb(data, at)
    return at


def _sections(module: bytes) -> list[tuple[int, bytes]]:
    if module[:8] != b"\0asm\x01\0\0\0":
        raise GlueError("not a wasm module (version 1)")
    out, at = [], 8
    while at < len(module):
        section_id = module[at]
        size, start = _uleb(module, at + 1)
        out.append((section_id, module[start : start + size]))
        at = start + size
    if at != len(module):
        raise GlueError("a section runs past the end of the module")
    return out


@dataclass
class Import:
    module: str
    field: str
    desc: bytes  # the kind byte and its payload, copied as they are


@dataclass
class Export:
    field: str
    desc: bytes  # the kind byte and the index


def _imports(body: bytes) -> list[Import]:
    count, at = _uleb(body, 0)
    out = []
    for _ in range(count):
        module, at = _name(body, at)
        field, at = _name(body, at)
        start, kind = at, body[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = _uleb(body, at)
        elif kind == 1:  # table: reference type, limits
            at = _limits(body, at + 1)
        elif kind == 2:  # memory: limits
            at = _limits(body, at)
        elif kind == 3:  # global: value type, mutability
            at += 2
        else:
            raise GlueError(f"import {field}: kind {kind} is not handled")
        out.append(Import(module, field, body[start:at]))
    if at != len(body):
        raise GlueError("the import section has trailing bytes")
    return out


def _exports(body: bytes) -> list[Export]:
    count, at = _uleb(body, 0)
    out = []
    for _ in range(count):
        field, at = _name(body, at)
        start = at
        _, at = _uleb(body, at + 1)
        out.append(Export(field, body[start:at]))
    if at != len(body):
        raise GlueError("the export section has trailing bytes")
    return out


def _build(sections: list[tuple[int, bytes]]) -> bytes:
    out = bytearray(b"\0asm\x01\0\0\0")
    for section_id, body in sections:
        out.append(section_id)
        out += _leb(len(body)) + body
    return bytes(out)


# --- the glue ---

CLASS = re.compile(r"^export class (?P<name>\w+) \{\n(?P<body>.*?)^\}\n", re.MULTILINE | re.DOTALL)


def prune_dead_classes(js: str) -> tuple[str, list[str]]:
    """Step 1: the glue without its never-instantiated classes, and their names."""
    dead = []
    for match in CLASS.finditer(js):
        body = match.group("body")
        if "constructor(" not in body and "static __wrap(" not in body:
            dead.append(match.group("name"))
    for name in dead:
        js, n = re.subn(rf"^export class {name} \{{\n.*?^\}}\n", "", js, count=1, flags=re.MULTILINE | re.DOTALL)
        js = re.sub(rf"^if \(Symbol\.dispose\) {name}\.prototype\[Symbol\.dispose\] = {name}\.prototype\.free;\n",
                    "", js, flags=re.MULTILINE)
        js, m = re.subn(rf"^const {name}Finalization = [^;]*;\n", "", js, flags=re.MULTILINE)
        if n != 1 or m != 1 or re.search(rf"\b{name}\b", js):
            raise GlueError(f"the glue's class {name} is not shaped as wasm-bindgen 0.2.130 writes it")
    return js, dead


def short_name(index: int) -> str:
    """a … z, A … Z, then two letters and more: valid identifiers and property names, never `__proto__`."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    name = letters[index % 52]
    index //= 52
    while index:
        name += letters[index % 52]
        index //= 52
    return name


def shorten(wasm: bytes, js: str) -> tuple[bytes, str, dict[str, int]]:
    """Steps 2 and 3: the module without the exports the glue does not read and without custom sections, every
    import and export renamed (in the glue too), and counts for the report."""
    if re.search(r"\bwasm\s*\[", js):
        raise GlueError("the glue reads the wasm's exports by computed name; they cannot be renamed")
    read = set(re.findall(r"\bwasm\.(\w+)", js))
    sections = _sections(wasm)
    new_sections = []
    counts = {"imports": 0, "exports": 0, "dropped": 0}
    for section_id, body in sections:
        if section_id == 0:
            continue  # a custom section
        if section_id == 2:
            imports = _imports(body)
            modules = {i.module for i in imports}
            if len(modules) != 1:
                raise GlueError(f"expected one import module, found {sorted(modules)}")
            (module,) = modules
            key = f'"{module}": import0,'
            if js.count(key) != 1:
                raise GlueError(f"the glue does not hand its imports over as {key}")
            js = js.replace(key, '"a": import0,')
            out = bytearray(_leb(len(imports)))
            for index, imp in enumerate(imports):
                new = short_name(index)
                # The import is the glue's object key `NAME: function(…)` and nothing else.
                if len(re.findall(rf"\b{re.escape(imp.field)}\b", js)) != 1 or js.count(f"{imp.field}: ") != 1:
                    raise GlueError(f"the import {imp.field} is not a single object key in the glue")
                js = js.replace(f"{imp.field}: ", f"{new}: ")
                out += _encode_name("a") + _encode_name(new) + imp.desc
            counts["imports"] = len(imports)
            body = bytes(out)
        elif section_id == 7:
            kept = [e for e in _exports(body) if e.field in read]
            counts["dropped"] = len(_exports(body)) - len(kept)
            missing = read - {e.field for e in kept}
            if missing:
                raise GlueError(f"the glue reads exports the module lacks: {sorted(missing)}")
            out = bytearray(_leb(len(kept)))
            for index, exp in enumerate(kept):
                new = short_name(index)
                # Read as `wasm.NAME` only: never another object's property, never a string (a JS function of
                # the same name, as wasm-bindgen writes for closures, is a different thing and keeps its name).
                name = re.escape(exp.field)
                uses = len(re.findall(rf"\bwasm\.{name}\b", js))
                if len(re.findall(rf"\.{name}\b", js)) != uses or re.search(rf"[\"']{name}[\"']", js):
                    raise GlueError(f"the glue reads the export {exp.field} other than as wasm.{exp.field}")
                js = re.sub(rf"\bwasm\.{re.escape(exp.field)}\b", f"wasm.{new}", js)
                out += _encode_name(new) + exp.desc
            counts["exports"] = len(kept)
            body = bytes(out)
        new_sections.append((section_id, body))
    return _build(new_sections), js, counts


def minify(js: str) -> str:
    """Step 4: terser (e2e/package.json; on PATH through scripts/env.sh), as an ES module."""
    terser = shutil.which("terser")
    if terser is None:
        raise GlueError("terser is not on PATH: run `bash scripts/setup`, then `source scripts/env.sh`")
    done = subprocess.run([terser, "--module", "--compress", "passes=2", "--mangle"],
                          input=js, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise GlueError(f"terser failed: {done.stderr.strip()}")
    return done.stdout


def shrink(wasm: bytes, js: str) -> tuple[bytes, str, str]:
    """All four steps; the new module, the new glue and a line for the build log."""
    js, dead = prune_dead_classes(js)
    wasm, js, counts = shorten(wasm, js)
    js = minify(js)
    report = (f"{counts['imports']} imports and {counts['exports']} exports renamed, {counts['dropped']} unread "
              f"exports dropped, dead glue classes: {', '.join(dead) or 'none'}")
    return wasm, js, report
