#!/usr/bin/env python3
"""Fuzz test of the nnplab command line: mutated structures, scenes, n2p2 folders, repl scripts and
options, run through the release binary.

Every case starts from a file shipped in the repository (Tests/Fixtures, Scenes) or a short repl
script, mutates it (truncation, deleted, duplicated or swapped lines, extreme and non-finite numbers,
wrong counts, binary garbage, huge sizes, CRLF line endings) and runs one nnplab command on it under
a 10 s time limit and a 2 GB address-space limit. A case fails on:
  - a crash (death by a signal: a Swift runtime trap, a segfault),
  - a run over 10 s (a hang) or over 2 GB (a runaway allocation, seen as a crash or a failed
    allocation),
  - a non-finite number (nan, inf) printed with exit status 0,
  - an error message longer than one line (for the commands other than repl, whose errors are one
    line each).
The seed is fixed (--seed), so a failure reproduces: the report names the case number, the command
and the mutated input, and --only N reruns one case, keeping its files (--keep).

Usage: fuzz.py NNPLAB [--cases 2000] [--seed 1] [--jobs 2] [--only N] [--keep DIR]
Python 3 standard library only.
"""
import argparse
import concurrent.futures
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURES = os.path.join(REPO, "Tests", "Fixtures")
SCENES = os.path.join(REPO, "Scenes")
TIME_LIMIT = 10.0
MEMORY_LIMIT = 2 * 1024 ** 3

EXTREME_NUMBERS = [
    "0", "-0", "1e308", "-1e308", "1e-300", "-1e-300", "1e400", "-1e400", "nan", "NaN", "-nan", "inf",
    "-inf", "Infinity", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
    "99999999999999999999999", "2147483648", "4294967296", "-1", "1e6", "1e9", "65536", "1.0D+300",
    "0x1p1023", "1e-320", "3", "0.5", "-2", "", "1.5.5", "--", "1e", "e5",
]
# Numbers no option or command accepts as a size or a duration: they must be refused, quickly. (A
# legitimate large value, such as `--duration 65536`, is long work by request and not fuzzed.)
BAD_NUMBERS = [
    "-0", "1e308", "-1e308", "1e-300", "-1e-300", "1e400", "-1e400", "nan", "NaN", "-nan", "inf", "-inf",
    "Infinity", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "99999999999999999999999",
    "-1", "-2", "1.5.5", "--", "1e", "e5", "0x1p1023", "1e-320", "1e20",
]
GARBAGE = [b"\x00\x01\x02", b"\xff\xfe\xfd", b"\xc3\x28", b"\xe2\x82", b"\x1b[2J", b"\r", b"\t\t", b"\x7f" * 5]
NUMBER = re.compile(rb"-?\d+(?:\.\d*)?(?:[eEdD][-+]?\d+)?")
NONFINITE = re.compile(r"(?<![A-Za-z_])[-+]?(nan|inf|infinity)(?![A-Za-z_])", re.IGNORECASE)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# ---------------------------------------------------------------------------------------------
# Mutations of bytes: each takes (random, data) and returns new data.

def truncate(r, data):
    return data[: r.randrange(len(data) + 1)] if data else data


def delete_lines(r, data):
    lines = data.split(b"\n")
    for _ in range(r.randint(1, 3)):
        if lines:
            del lines[r.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_lines(r, data):
    lines = data.split(b"\n")
    for _ in range(r.randint(1, 3)):
        if lines:
            k = r.randrange(len(lines))
            lines.insert(k, lines[k])
    return b"\n".join(lines)


def swap_lines(r, data):
    lines = data.split(b"\n")
    if len(lines) > 1:
        i, j = r.randrange(len(lines)), r.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def extreme_number(r, data, choices=EXTREME_NUMBERS):
    matches = list(NUMBER.finditer(data))
    if not matches:
        return data + b"\n" + r.choice(choices).encode()
    out = data
    for m in sorted(r.sample(matches, min(len(matches), r.randint(1, 3))), key=lambda m: -m.start()):
        out = out[: m.start()] + r.choice(choices).encode() + out[m.end():]
    return out


def bad_number(r, data):
    return extreme_number(r, data, BAD_NUMBERS)


def first_number(r, data):
    """Wrong counts: the first number of the file (the XYZ atom count) made extreme."""
    m = NUMBER.search(data)
    if not m:
        return data
    return data[: m.start()] + r.choice(EXTREME_NUMBERS + ["1", "2", "100000000"]).encode() + data[m.end():]


def header_number(r, data):
    """Extreme numbers in the first lines only: counts, Lattice=, Properties=, lattice lines, input.nn settings."""
    lines = data.split(b"\n")
    k = r.randrange(min(len(lines), 6))
    lines[k] = extreme_number(r, lines[k], EXTREME_NUMBERS + ["9223372036854775807", "0", "1000000"])
    return b"\n".join(lines)


def garbage(r, data):
    k = r.randrange(len(data) + 1)
    return data[:k] + r.choice(GARBAGE) * r.randint(1, 4) + data[k:]


def crlf(r, data):
    return data.replace(b"\n", b"\r\n")


def empty(r, data):
    return r.choice([b"", b"\n", b" \n\n", b"\x00"])


def huge_line(r, data):
    lines = data.split(b"\n")
    k = r.randrange(len(lines) + 1)
    lines.insert(k, r.choice([b"x", b"1 ", b"Ar 0 0 0 "]) * r.randint(1000, 20000))
    return b"\n".join(lines)


MUTATIONS = [truncate, delete_lines, duplicate_lines, swap_lines, extreme_number, extreme_number, extreme_number,
             first_number, header_number, header_number, garbage, crlf, empty, huge_line]


def mutate(r, data):
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        data = r.choice(MUTATIONS)(r, data)
    return data


# ---------------------------------------------------------------------------------------------
# Cases: each returns (argv, stdin bytes or None, is_repl) after writing its files into `work`.

ARGON = [os.path.join(FIXTURES, "lammps", n) for n in
         ("ar_liquidlike_shiftedforce.xyz", "ar_fcc_rattled_shifted.xyz", "ar_liquidlike_truncated.xyz")]
SILICON = [os.path.join(FIXTURES, "lammps", n) for n in ("si_hot_sw.xyz", "si_diamond_rattled_sw.xyz")]
CU2S = os.path.join(FIXTURES, "n2p2", "Cu2S_PBE")


def structure_case(r, work, binary):
    kind = r.choice(["argon", "argon", "silicon", "cu2s"])
    if kind == "argon":
        source, potential = r.choice(ARGON), ["--potential", "lj"]
    elif kind == "silicon":
        source, potential = r.choice(SILICON), ["--potential", "sw"]
    else:
        source, potential = os.path.join(CU2S, "input.data"), ["--potential", CU2S]
    path = os.path.join(work, "structure" + os.path.splitext(source)[1])
    with open(path, "wb") as f:
        f.write(mutate(r, read(source)))
    command = r.choice(["eval", "eval", "eval", "run", "check"])
    if command == "eval":
        return [binary, "eval", path] + potential, None, False
    if command == "run":
        steps = r.choice([2, 3]) if kind == "cu2s" else r.choice([5, 20])  # the Cu2S NNP takes ~0.2 s a step
        return [binary, "run", "--structure", path, "--steps", str(steps), "--temperature", "90"] + potential, None, False
    return [binary, "check", "forces", path, "--atoms", "2"] + potential, None, False


def n2p2_case(r, work, binary):
    folder = os.path.join(work, "Cu2S")
    shutil.copytree(CU2S, folder)
    name = r.choice(["input.nn", "input.nn", "scaling.data", "weights.016.data", "weights.029.data"])
    target = os.path.join(folder, name)
    if r.random() < 0.1:
        os.remove(target)
    else:
        with open(target, "wb") as f:
            f.write(mutate(r, read(target)))
    return [binary, "eval", os.path.join(CU2S, "input.data"), "--potential", folder], None, False


def scene_case(r, work, binary):
    name = r.choice(["argon", "argon", "silicon", "water"])
    # The mutated scene sits beside links to the shipped models and the water model, as in Scenes/.
    for entry in ("argon", "silicon", "water"):
        os.symlink(os.path.join(SCENES, entry), os.path.join(work, entry))
    path = os.path.join(work, name + ".toml")
    with open(path, "wb") as f:
        f.write(mutate(r, read(os.path.join(SCENES, name + ".toml"))))
    command = r.choice(["extensivity", "extensivity", "invariance", "view"])
    if command == "view":
        return [binary, "view", path, "--headless", "--duration", "0.2"], None, False
    return [binary, "check", command, path], None, False


REPL_WORDS = ["status", "run 10", "run 3", "set dt 2", "set dt 0.5", "set temperature 300", "set cutoff step",
              "set cutoff kinked", "set activation relu", "set thermostat langevin", "set thermostat nve",
              "set seed 4", "set speed max", "pause", "resume", "reset", "help", "help run", "check extensivity",
              "drift 0.01", "save log {w}/log.csv", "save! log {devfull}", "save trajectory {w}/t.xyz",
              "save plot {w}/p.svg", "export {w}/model", "export {w}/full", "export! {w}/model", "load silicon",
              "load argon", "load {w}", "load {w}/full/mine.txt", "quit"]
# Every path is a placeholder, put in after the mutations: a mutated script writes only into its case's
# folder (and /dev/full). {w}/full holds a file of the user's, which `export` must not write beside.


def repl_case(r, work, binary):
    # Mutate the words first, then put in the paths, so that a path is never mutated into another folder.
    words = [r.choice(REPL_WORDS) for _ in range(r.randint(1, 4))]
    # At most one `load`: each equilibrates a scene (about 0.5 s, several seconds on a busy machine).
    loads = [k for k, w in enumerate(words) if w.startswith("load")]
    words = [w for k, w in enumerate(words) if k not in loads[1:]]
    text = "\n".join(words).encode()
    for _ in range(r.randint(0, 2)):
        text = r.choice([bad_number, bad_number, garbage, duplicate_lines, delete_lines, crlf])(r, text)
    os.makedirs(os.path.join(work, "full"))
    with open(os.path.join(work, "full", "mine.txt"), "w") as f:
        f.write("the user's own file\n")
    text = text.replace(b"{w}", work.encode()).replace(b"{devfull}", b"/dev/full")
    return [binary, "repl"], text, True


OPTION_CASES = [
    ("eval", "{argon}", "--potential", "lj", "--rc", "N"), ("eval", "{argon}", "--potential", "lj", "--sigma", "N"),
    ("eval", "{argon}", "--potential", "lj", "--epsilon", "N"),
    ("run", "--structure", "{argon}", "--potential", "lj", "--steps", "5", "--dt", "N"),
    ("run", "--structure", "{argon}", "--potential", "lj", "--steps", "B"),
    ("run", "--structure", "{argon}", "--potential", "lj", "--steps", "5", "--temperature", "N"),
    ("run", "--structure", "{argon}", "--potential", "lj", "--steps", "5", "--every", "N"),
    ("run", "--structure", "{argon}", "--potential", "lj", "--steps", "5", "--thermostat", "langevin",
     "--temperature", "90", "--friction", "N"),
    ("view", "--headless", "--duration", "B"), ("view", "--headless", "--duration", "0.2", "--speed", "N"),
    ("view", "--headless", "--duration", "0.2", "--replicate", "NxNxN"),
    ("drift", "--dt", "N", "--time", "0.001"), ("drift", "--time", "B", "--dt", "1000"),
    ("drift", "--seeds", "B", "--time", "1e9"),
    ("check", "forces", "{argon}", "--potential", "lj", "--step", "N"),
    ("check", "forces", "{argon}", "--potential", "lj", "--atoms", "N"),
    ("check", "timestep", "--dt", "N,N", "--time", "1e9"), ("check", "timestep", "--starts", "B", "--time", "1e9"),
    ("check", "noise", "--energy-noise", "N", "--epochs", "0"), ("check", "completeness", "--epochs", "N", "--configurations", "1"),
    ("train", "--epochs", "N", "--output", "{w}/models", "--noise", "1,1", "--cutoff", "bogus"),
    ("train", "--noise", "N,N", "--output", "{w}/models", "--cutoff", "bogus"),
]


def option_case(r, work, binary):
    template = r.choice(OPTION_CASES)
    argv = [binary]
    for word in template:
        word = word.format(argon=ARGON[0], w=work)
        while "N" in word:
            word = word.replace("N", r.choice(EXTREME_NUMBERS + ["0", "1", "64", "65", "1e308"]), 1)
        if word == "B":
            word = r.choice(BAD_NUMBERS)
        argv.append(word)
    return argv, None, False


CASES = [(structure_case, 45), (n2p2_case, 15), (scene_case, 12), (repl_case, 13), (option_case, 15)]


def make_case(seed, index, work, binary):
    r = random.Random(seed * 1_000_003 + index)
    kinds = [k for k, weight in CASES for _ in range(weight)]
    return r.choice(kinds)(r, work, binary)


# ---------------------------------------------------------------------------------------------

def limit_resources():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.setsid()


def judge(argv, stdin, is_repl, work):
    """(problem or None, seconds, exit status)."""
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", HOME=work, SWIFT_BACKTRACE="enable=no")
    start = time.monotonic()
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work, env=env,
                                   preexec_fn=limit_resources)
    except OSError as error:
        return f"cannot start: {error}", 0.0, -1
    try:
        out, err = process.communicate(stdin, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return f"hung: still running after {TIME_LIMIT:.0f} s", TIME_LIMIT, -1
    elapsed = time.monotonic() - start
    status = process.returncode
    # The case's own folder may be named in the output; its random name is not the program's number.
    out_text = out.decode("utf-8", "replace").replace(work, "WORK")
    err_text = err.decode("utf-8", "replace").replace(work, "WORK")
    if status < 0:
        name = signal.Signals(-status).name if -status in signal.Signals._value2member_map_ else str(-status)
        return f"crashed with {name}: {err_text.strip()[:300]}", elapsed, status
    if "Fatal error" in err_text or "Program crashed" in err_text or "Backtrace" in err_text:
        return f"runtime trap reported (status {status}): {err_text.strip()[:300]}", elapsed, status
    if "cannot allocate" in err_text.lower() or "out of memory" in err_text.lower():
        return f"ran out of memory (2 GB): {err_text.strip()[:300]}", elapsed, status
    if status == 0:
        match = NONFINITE.search(out_text + "\n" + err_text)
        if match:
            line = next(l for l in (out_text + "\n" + err_text).splitlines() if NONFINITE.search(l))
            return f"printed a non-finite number with exit status 0: {line.strip()[:200]}", elapsed, status
    elif not is_repl:
        lines = [l for l in err_text.splitlines() if l.strip() and not l.startswith("note:")]
        if len(lines) > 1:
            return f"error of {len(lines)} lines (status {status}): {err_text.strip()[:300]}", elapsed, status
        if len(lines) == 0 and status not in (0,):
            return f"failed with status {status} and no message", elapsed, status
    return None, elapsed, status


def run_case(seed, index, binary, keep):
    work = tempfile.mkdtemp(prefix=f"nnplab-fuzz-{index}-")
    try:
        argv, stdin, is_repl = make_case(seed, index, work, binary)
        problem, elapsed, status = judge(argv, stdin, is_repl, work)
        if problem and keep:
            target = os.path.join(keep, f"case-{index}")
            shutil.copytree(work, target, symlinks=True, dirs_exist_ok=True)
            if stdin is not None:
                with open(os.path.join(target, "stdin.txt"), "wb") as f:
                    f.write(stdin)
        return index, argv, stdin, problem, elapsed, status
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", type=int, help="run only this case number")
    parser.add_argument("--keep", help="copy the files of failing cases into this folder")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    indices = [args.only] if args.only is not None else list(range(args.cases))
    failures, slowest, started, succeeded = [], (0.0, -1), time.monotonic(), 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for index, argv, stdin, problem, elapsed, status in pool.map(lambda i: run_case(args.seed, i, binary, args.keep), indices):
            slowest = max(slowest, (elapsed, index))
            succeeded += status == 0
            if problem:
                failures.append(index)
                shown = " ".join(a if a and " " not in a else repr(a) for a in argv[1:])
                print(f"FAIL case {index}: nnplab {shown}{' < script' if stdin is not None else ''}\n    {problem}")
                if stdin is not None:
                    print(f"    script: {stdin[:300]!r}")
                sys.stdout.flush()
    total = time.monotonic() - started
    print(f"fuzz: {len(indices)} cases ({succeeded} accepted, {len(indices) - succeeded} refused), seed {args.seed}, "
          f"{len(failures)} failed, {total:.0f} s "
          f"(slowest case {slowest[1]}: {slowest[0]:.1f} s)")
    if failures:
        print(f"rerun one with: {sys.argv[0]} {args.binary} --seed {args.seed} --only N --keep DIR")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
