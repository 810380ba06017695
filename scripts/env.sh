# scripts/env.sh — sourced (from the workspace root) by the scripts beside it, so the PATH rule lives in one place.
# npm's wasm-opt (binaryen 132, docs/toolchain.md trap 3) and terser (scripts/wasm_glue.py) first, then the
# cargo-installed trunk and wasm-bindgen.
export PATH="$PWD/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk never downloads a tool and runs cargo with --offline (setup ran `cargo fetch --locked`).
export TRUNK_OFFLINE=true
