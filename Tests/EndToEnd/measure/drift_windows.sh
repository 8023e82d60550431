#!/usr/bin/env bash
# Measurement (not a CI test): how the lab's one-model readout `RMS <x> meV/atom` after a hold of
# WINDOW ps is spread, for kinked + tanh against smooth + tanh on argon. One long NVE run per model
# from the same equilibrated state (LJ teacher: 300 K then 92 K, Langevin), cut into windows; each
# window's figure is the RMS of E_total - E_total(window start) per atom, as the lab's readout is
# after a switch. Prints each model's windows and kinked ÷ (smooth's median) per window, sorted.
# Usage: [MODELS=folder] [TEMPERATURE=K] drift_windows.sh NNPLAB DT_FS [TOTAL_PS=120] [WINDOW_PS=12]
set -euo pipefail
binary="${1:?usage: $0 path/to/nnplab DT_FS [TOTAL_PS] [WINDOW_PS]}"
dt="${2:?give the time step in fs}"
total="${3:-120}"
window="${4:-12}"
models="${MODELS:-$(cd "$(dirname "$0")/../../.." && pwd)/Scenes/argon/models}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$work/fcc.xyz" <<'PY'
import sys
a, n = 5.75, 3
basis = [(0, 0, 0), (0.5, 0.5, 0), (0.5, 0, 0.5), (0, 0.5, 0.5)]
atoms = [((i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a) for i in range(n) for j in range(n) for k in range(n) for b in basis]
L = n * a
with open(sys.argv[1], "w") as f:
    f.write(f'{len(atoms)}\nLattice="{L} 0 0 0 {L} 0 0 0 {L}" Properties=species:S:1:pos:R:3 pbc="T T T"\n')
    f.writelines(f"Ar {x} {y} {z}\n" for x, y, z in atoms)
PY
last_frame() { python3 -c "import sys; l=open(sys.argv[1]).read().splitlines(); n=int(l[0]); open(sys.argv[2],'w').write('\n'.join(l[-(n+2):])+'\n')" "$1" "$2"; }
"$binary" run --structure "$work/fcc.xyz" --potential lj --thermostat langevin --temperature 300 --steps 3000 --dt 1 --seed 3 \
    --trajectory "$work/hot.xyz" --every 3000 > /dev/null
last_frame "$work/hot.xyz" "$work/hot1.xyz"
"$binary" run --structure "$work/hot1.xyz" --potential lj --thermostat langevin --temperature "${TEMPERATURE:-92}" --steps 5000 --dt 1 --seed 4 \
    --trajectory "$work/eq.xyz" --every 5000 > /dev/null
last_frame "$work/eq.xyz" "$work/eq1.xyz"
steps=$(python3 -c "print(round($total * 1000 / $dt))")
for m in kinked-tanh smooth-tanh; do
    "$binary" run --structure "$work/eq1.xyz" --potential "$models/$m.json" --dt "$dt" --steps "$steps" --every 10 \
        --log "$work/$m.csv" > /dev/null 2>&1 &
done
wait
python3 - "$work" "$window" "$dt" <<'PY'
import csv, math, statistics, sys
work, window, dt = sys.argv[1], float(sys.argv[2]) * 1000, sys.argv[3]
def windows(path):
    rows = [(float(r["time_fs"]), float(r["total_eV"])) for r in csv.DictReader(open(path))]
    atoms = 108
    out, start = [], 0
    while True:
        t0, e0 = rows[start]
        seg = [(t, e) for t, e in rows[start:] if t < t0 + window]
        if start + len(seg) >= len(rows): break
        out.append(1000 * math.sqrt(sum((e - e0) ** 2 for _, e in seg) / len(seg)) / atoms)
        start += len(seg)
    return out
k, s = windows(f"{work}/kinked-tanh.csv"), windows(f"{work}/smooth-tanh.csv")
print(f"dt {dt} fs, {len(k)} windows of {window / 1000:g} ps")
print("smooth/tanh RMS meV/atom:", " ".join(f"{x:.2e}" for x in s))
print("kinked/tanh RMS meV/atom:", " ".join(f"{x:.2e}" for x in k))
m = statistics.median(s)
print("kinked / median smooth:  ", " ".join(f"{x / m:.1f}" for x in sorted(k)))
print(f"smallest kinked / largest smooth: {min(k) / max(s):.1f}")
PY
