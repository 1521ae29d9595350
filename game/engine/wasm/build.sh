#!/bin/sh
# Compile kernel.c to WebAssembly and write kernelBytes.ts (the .wasm as base64).
#
#   sh game/engine/wasm/build.sh [OUT.ts]      (default: game/engine/wasm/kernelBytes.ts)
#
# Needs clang with the wasm32 target and wasm-ld (Debian/Ubuntu: apt-get install clang lld).
# kernelBytes.ts is committed, so nobody else needs clang; tests/engine/wasmRunner.test.ts checks
# that the committed file matches a fresh build whenever clang is installed.
#
# No -ffast-math: the kernel must give the same doubles as the JavaScript reference, so every
# floating-point operation stays as written (and -ffp-contract=off forbids fused multiply-add).
# -msimd128: the kernel uses WebAssembly SIMD (lane-wise IEEE arithmetic, same results); an
# engine without it fails to compile the module and the runner falls back to JavaScript.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/kernelBytes.ts"}
CLANG=${CLANG:-clang}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Compile from inside the directory with a relative path, so the output does not depend on where
# the checkout lives.
(cd "$here" && "$CLANG" --target=wasm32 -O3 -msimd128 -nostdlib -fno-builtin -ffp-contract=off \
  -Wall -Wextra -Werror \
  -Wl,--no-entry -Wl,--export=__heap_base -Wl,--strip-all \
  -o "$tmp/kernel.wasm" kernel.c)

version=$("$CLANG" --version | head -n 1)
size=$(wc -c < "$tmp/kernel.wasm" | tr -d ' ')

{
  echo '// GENERATED FILE: do not edit. Made by game/engine/wasm/build.sh from game/engine/wasm/kernel.c:'
  echo '//   clang --target=wasm32 -O3 -msimd128 -nostdlib -fno-builtin -ffp-contract=off'
  echo '//         -Wl,--no-entry -Wl,--export=__heap_base -Wl,--strip-all'
  echo "// Compiler: $version"
  echo "// The WebAssembly module ($size bytes), base64-encoded."
  echo 'export const KERNEL_WASM_BASE64 ='
  base64 -w 100 "$tmp/kernel.wasm" | sed -e "s/^/  '/" -e "s/\$/' +/"
  echo "  '';"
} > "$tmp/kernelBytes.ts"
mv "$tmp/kernelBytes.ts" "$out"
echo "wrote $out ($size bytes of wasm)"
