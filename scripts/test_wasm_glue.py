"""Tests of scripts/wasm_glue.py on a small module and glue shaped as wasm-bindgen 0.2.130 writes them; node runs
the rewritten pair, so a rename that leaves the module and the glue disagreeing fails here before e2e.
Run by scripts/test: `python3 -m unittest discover -s scripts -p 'test_*.py'`."""

import json
import subprocess
import tempfile
import unittest
from pathlib import Path

import wasm_glue


def vec(items: list[bytes]) -> bytes:
    return wasm_glue._leb(len(items)) + b"".join(items)


def section(section_id: int, body: bytes) -> bytes:
    return bytes([section_id]) + wasm_glue._leb(len(body)) + body


def name(text: str) -> bytes:
    return wasm_glue._encode_name(text)


def body(code: bytes) -> bytes:
    """A function body without locals."""
    return wasm_glue._leb(len(code) + 1) + b"\x00" + code


# Two imported functions `() -> ()` and one `(i32) -> ()`; `start` calls the second import, `add` calls the
# first with its argument; a memory; exports `memory`, `start`, `add` and `main` (which the glue never reads).
MODULE = b"\0asm\x01\0\0\0" + b"".join([
    section(1, vec([b"\x60\x00\x00", b"\x60\x01\x7f\x00"])),
    section(2, vec([name("./pair_bg.js") + name("__wbg_log_0123456789abcdef") + b"\x00\x01",
                    name("./pair_bg.js") + name("__wbg_done_fedcba9876543210") + b"\x00\x00"])),
    section(3, vec([b"\x00", b"\x01", b"\x00"])),
    section(5, vec([b"\x00\x01"])),
    section(7, vec([name("memory") + b"\x02\x00", name("start") + b"\x00\x02",
                    name("add") + b"\x00\x03", name("main") + b"\x00\x04"])),
    section(10, vec([body(b"\x10\x01\x0b"),          # start: call done
                     body(b"\x20\x00\x10\x00\x0b"),  # add: local.get 0, call log
                     body(b"\x0b")])),                # main: nothing
    section(0, name("producers") + b"\x00"),
])

GLUE = """export class IntoUnderlyingSink {
    __destroy_into_raw() {
        IntoUnderlyingSinkFinalization.unregister(this);
    }
    close() {
        wasm.intounderlyingsink_close(this.__wbg_ptr);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

export class Kept {
    static __wrap(ptr) {
        return Object.create(Kept.prototype);
    }
}

const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));

let wasm;
export const calls = [];
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0) {
            calls.push(arg0);
        },
        __wbg_done_fedcba9876543210: function() {
            calls.push('done');
        },
    };
    return {
        __proto__: null,
        "./pair_bg.js": import0,
    };
}
export function run(bytes) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), __wbg_get_imports());
    wasm = instance.exports;
    wasm.start();
    wasm.add(7);
    return [Object.keys(instance.exports), wasm.memory.buffer.byteLength];
}
"""


def run_in_node(module: bytes, glue: str) -> dict:
    """Imports the glue as an ES module in node and runs the module through it."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "glue.mjs").write_text(glue, encoding="utf-8")
        Path(folder, "pair.wasm").write_bytes(module)
        script = ("import {run, calls} from './glue.mjs'; import {readFileSync} from 'node:fs';"
                  "const [exports, memory] = run(readFileSync('./pair.wasm'));"
                  "console.log(JSON.stringify({exports, memory, calls}));")
        done = subprocess.run(["node", "--input-type=module", "-e", script], cwd=folder,
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout)


class WasmGlueTest(unittest.TestCase):
    def test_the_pair_runs_before_and_after(self):
        before = run_in_node(MODULE, GLUE)
        self.assertEqual(before["calls"], ["done", 7])
        module, glue, report = wasm_glue.shrink(MODULE, GLUE)
        after = run_in_node(module, glue)
        self.assertEqual(after["calls"], ["done", 7])
        self.assertEqual(after["memory"], before["memory"])
        # memory, start and add, renamed; main (read by no one) dropped.
        self.assertEqual(sorted(after["exports"]), ["a", "b", "c"])
        self.assertNotIn("0123456789abcdef", glue)
        self.assertNotIn(b"0123456789abcdef", module)
        self.assertNotIn(b"producers", module)
        self.assertIn(b"producers", MODULE)
        self.assertIn("2 imports and 3 exports renamed, 1 unread exports dropped", report)
        self.assertIn("IntoUnderlyingSink", report)

    def test_a_dead_class_goes_and_a_wrapped_one_stays(self):
        glue, dead = wasm_glue.prune_dead_classes(GLUE)
        self.assertEqual(dead, ["IntoUnderlyingSink"])
        self.assertNotIn("IntoUnderlyingSink", glue)
        self.assertNotIn("intounderlyingsink", glue)
        self.assertIn("export class Kept", glue)

    def test_a_class_shaped_otherwise_fails(self):
        without_registry = GLUE.replace("const IntoUnderlyingSinkFinalization", "const SomethingElse")
        with self.assertRaises(wasm_glue.GlueError):
            wasm_glue.prune_dead_classes(without_registry)

    def test_an_import_named_twice_in_the_glue_fails(self):
        glue = GLUE.replace("calls.push('done');", "calls.push('__wbg_log_0123456789abcdef');")
        with self.assertRaises(wasm_glue.GlueError):
            wasm_glue.shorten(MODULE, glue)

    def test_exports_read_by_computed_name_fail(self):
        with self.assertRaises(wasm_glue.GlueError):
            wasm_glue.shorten(MODULE, GLUE.replace("wasm.add(7)", "wasm['add'](7)"))

    def test_an_export_the_module_lacks_fails(self):
        with self.assertRaises(wasm_glue.GlueError):
            wasm_glue.shorten(MODULE, GLUE.replace("wasm.add(7)", "wasm.sub(7)"))

    def test_short_names_are_distinct_identifiers(self):
        names = [wasm_glue.short_name(i) for i in range(3000)]
        self.assertEqual(len(set(names)), len(names))
        self.assertTrue(all(n.isidentifier() for n in names))


if __name__ == "__main__":
    unittest.main()
