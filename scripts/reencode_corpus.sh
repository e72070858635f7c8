#!/bin/sh
# Re-encodes the Unicode seeds into TCVN3 and VNI text files with sohoa's own
# encoder (corpus/tcvn3/, corpus/vni/: same file names as corpus/seeds/).
set -eu
cd "$(dirname "$0")/.."
for enc in tcvn3 vni; do
    cargo run -q -p sohoa-extract --example legacy_encode -- "$enc" corpus/seeds "corpus/$enc"
done
