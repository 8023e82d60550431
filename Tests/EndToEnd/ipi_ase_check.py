"""End-to-end checks of `nnplab serve` against real i-PI servers: ASE's SocketIOCalculator and i-PI.

    python3 ipi_ase_check.py ase NNPLAB STRUCTURE POTENTIAL --dt FS --temperature K [--tcp]
    python3 ipi_ase_check.py ipi NNPLAB STRUCTURE POTENTIAL --dt FS --temperature K
    python3 ipi_ase_check.py refuse NNPLAB STRUCTURE

`ase`: ASE launches `nnplab serve` on a Unix socket (a TCP port on localhost with --tcp) and runs 20
velocity-Verlet steps; the final energy and forces must equal `nnplab eval` of the same positions
(1e-9 relative, 1e-8 eV/A), and ASE's stress must equal its own numerical stress (finite strains through the same
socket): every potential gives a virial.

`ipi`: i-PI runs 20 NVE steps with `nnplab serve` as its force field; i-PI's potential energy at step 0
must equal `nnplab eval` of the initial structure, the conserved quantity must hold, and nnplab must
end with status 0 when i-PI sends EXIT.

`refuse`: fake servers that misbehave (a wrong atom count, an unknown message, a hang-up in the middle of
a message): `nnplab serve` must exit non-zero with one line on stderr naming what happened.

Prints one line per check and exits non-zero on the first failure.
"""

import argparse
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def write_exact_xyz(atoms, path):
    """Extended XYZ with every number as repr (shortest round trip): nnplab reads back the exact doubles.
    (ASE's own writer rounds positions to 8 decimals.)"""
    with open(path, "w") as out:
        out.write(f"{len(atoms)}\n")
        lattice = " ".join(repr(float(x)) for x in atoms.cell[:].ravel())
        out.write(f'Lattice="{lattice}" Properties=species:S:1:pos:R:3 pbc="T T T"\n')
        for symbol, r in zip(atoms.get_chemical_symbols(), atoms.positions):
            out.write(f"{symbol} {float(r[0])!r} {float(r[1])!r} {float(r[2])!r}\n")


def nnplab_eval(nnplab, atoms, potential, workdir, extra=()):
    """Energy (eV) and forces (eV/A) from `nnplab eval` of exactly these positions."""
    from ase.io import read

    path = os.path.join(workdir, "final.xyz")
    labelled = os.path.join(workdir, "final-eval.xyz")
    write_exact_xyz(atoms, path)
    subprocess.run([nnplab, "eval", path, "--potential", potential, "--output", labelled, "--force", *extra],
                   check=True)
    result = read(labelled, format="extxyz")
    return result.get_potential_energy(), result.get_forces()


def free_port():
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket(socket.AF_INET) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def numerical_stress(atoms):
    """ASE's finite-strain stress (strain 1e-5), from wherever this ASE version keeps it."""
    try:
        from ase.calculators.fd import calculate_numerical_stress
    except ImportError:
        return atoms.calc.calculate_numerical_stress(atoms, d=1e-5, voigt=True)
    return calculate_numerical_stress(atoms, eps=1e-5, voigt=True)


def check_ase(args):
    from ase import units
    from ase.calculators.socketio import SocketIOCalculator
    from ase.io import read
    from ase.md.verlet import VelocityVerlet

    atoms = read(args.structure)
    # Maxwell-Boltzmann momenta, p = sqrt(m k_B T) * N(0, 1) in ASE's units (amu, eV).
    rng = np.random.default_rng(7)
    atoms.set_momenta(rng.standard_normal((len(atoms), 3))
                      * np.sqrt(atoms.get_masses() * units.kB * args.temperature)[:, None])
    name = f"nnplab-e2e-{os.getpid()}"
    workdir = args.workdir
    stderr_path = os.path.join(workdir, "serve.err")
    launched = []

    def launch(atoms, properties, port, unixsocket):
        err = open(stderr_path, "w")
        where = ["--unix", unixsocket] if unixsocket else ["--host", "localhost", "--port", str(port)]
        proc = subprocess.Popen([args.nnplab, "serve", args.structure, "--potential", args.potential, *where],
                                stderr=err)
        launched.append(proc)
        return proc

    where = dict(port=free_port()) if args.tcp else dict(unixsocket=name)
    with SocketIOCalculator(launch_client=launch, timeout=120, **where) as calc:
        atoms.calc = calc
        VelocityVerlet(atoms, timestep=args.dt * units.fs).run(20)
        energy = atoms.get_potential_energy()
        forces = atoms.get_forces()
        stress = atoms.get_stress(voigt=True)
        numerical = numerical_stress(atoms)
        final = atoms.copy()
    status = launched[0].wait(timeout=30)
    messages = open(stderr_path).read()
    if status != 0:
        fail(f"nnplab serve exited with status {status} after ASE closed the socket: {messages.strip()}")

    e_eval, f_eval = nnplab_eval(args.nnplab, final, args.potential, workdir)
    de = abs(energy - e_eval) / abs(e_eval)
    df = float(np.abs(forces - f_eval).max())
    print(f"  energy {energy:.12f} eV vs eval {e_eval:.12f} eV: relative {de:.2e} (limit 1e-9)")
    print(f"  forces largest difference {df:.2e} eV/A (limit 1e-8)")
    if not de <= 1e-9:
        fail("energy through the socket differs from nnplab eval")
    if not df <= 1e-8:
        fail("forces through the socket differ from nnplab eval")
    ds = float(np.abs(stress - numerical).max())
    scale = float(np.abs(numerical).max())
    print(f"  stress {np.array2string(stress, precision=6)} eV/A^3; largest difference from ASE's numerical "
          f"stress {ds:.2e} (limit 1e-7 x {scale:.2e})")
    if not ds <= 1e-7 * scale or scale < 1e-6:
        fail("stress through the socket differs from ASE's numerical stress")


def write_ipi_xyz(atoms, path):
    """i-PI's xyz: the cell as a b c alpha beta gamma in the comment line."""
    a, b, c, alpha, beta, gamma = (float(x) for x in atoms.cell.cellpar())
    with open(path, "w") as out:
        out.write(f"{len(atoms)}\n")
        out.write(f"# CELL(abcABC): {a!r} {b!r} {c!r} {alpha!r} {beta!r} {gamma!r} "
                  "cell{angstrom} positions{angstrom}\n")
        for symbol, r in zip(atoms.get_chemical_symbols(), atoms.positions):
            out.write(f"{symbol} {float(r[0])!r} {float(r[1])!r} {float(r[2])!r}\n")


IPI_INPUT = """<simulation verbosity='low'>
  <output prefix='sim'>
    <properties stride='1' filename='out' flush='1'>
      [ step, conserved{{electronvolt}}, potential{{electronvolt}}, kinetic_md{{electronvolt}} ]
    </properties>
  </output>
  <total_steps> 20 </total_steps>
  <prng><seed> 31415 </seed></prng>
  <ffsocket name='nnplab' mode='unix'>
    <address> {name} </address>
  </ffsocket>
  <system>
    <initialize nbeads='1'>
      <file mode='xyz'> init.xyz </file>
      <velocities mode='thermal' units='kelvin'> {temperature} </velocities>
    </initialize>
    <forces><force forcefield='nnplab'/></forces>
    <motion mode='dynamics'>
      <dynamics mode='nve'><timestep units='femtosecond'> {dt} </timestep></dynamics>
    </motion>
  </system>
</simulation>
"""


def check_ipi(args):
    from ase.io import read

    atoms = read(args.structure)
    workdir = args.workdir
    name = f"nnplab-ipi-{os.getpid()}"
    write_ipi_xyz(atoms, os.path.join(workdir, "init.xyz"))
    with open(os.path.join(workdir, "input.xml"), "w") as out:
        out.write(IPI_INPUT.format(name=name, temperature=args.temperature, dt=args.dt))
    ipi_log = open(os.path.join(workdir, "ipi.log"), "w")
    server = subprocess.Popen(["i-pi", "input.xml"], cwd=workdir, stdout=ipi_log, stderr=subprocess.STDOUT)
    client = subprocess.Popen([args.nnplab, "serve", args.structure, "--potential", args.potential,
                               "--unix", name, "--atomic-units", "ipi"], stderr=subprocess.PIPE, text=True)
    try:
        server_status = server.wait(timeout=300)
        _, messages = client.communicate(timeout=60)
    finally:
        for proc in (server, client):
            if proc.poll() is None:
                proc.kill()
    if server_status != 0:
        log = open(os.path.join(workdir, "ipi.log")).read().splitlines()
        fail(f"i-pi exited with status {server_status}; the end of its log: {log[-5:]}")
    if client.returncode != 0:
        fail(f"nnplab serve exited with status {client.returncode} under i-PI: {messages.strip()}")
    rows = np.loadtxt(os.path.join(workdir, "sim.out"), ndmin=2)
    if rows.shape[0] != 21:
        fail(f"expected 21 rows (steps 0-20) in i-PI's output, got {rows.shape[0]}")
    e_eval, _ = nnplab_eval(args.nnplab, atoms, args.potential, workdir)
    e0 = rows[0, 2]
    # i-PI prints 9 significant digits: allow half a unit in the last one. With ASE's Bohr and Hartree
    # instead of i-PI's (--atomic-units ase) the energy would be off by about 1e-8 relative, beyond this.
    printed = 0.5 * 10.0 ** (np.floor(np.log10(abs(e0))) - 8)
    de = abs(e0 - e_eval)
    drift = float(np.abs(rows[:, 1] - rows[0, 1]).max()) / len(atoms)
    print(f"  i-PI potential at step 0 {e0:.10e} eV vs eval {e_eval:.10e} eV: difference {de:.2e} eV "
          f"(limit {printed:.1e}, half the last digit i-PI prints)")
    print(f"  conserved quantity over 20 steps: largest change {drift * 1e3:.2e} meV/atom (limit 0.1)")
    print(f"  {messages.strip()}")
    if not de <= printed + 1e-12 * abs(e_eval):
        fail("i-PI's potential energy differs from nnplab eval")
    if not drift <= 1e-4:
        fail("i-PI's conserved quantity is not conserved")
    if "the server sent EXIT" not in messages:
        fail("nnplab serve did not report i-PI's EXIT")


def fake_server(name):
    """A listening Unix socket /tmp/ipi_NAME, as ASE and i-PI make it."""
    path = f"/tmp/ipi_{name}"
    if os.path.exists(path):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.listen(1)
    listener.settimeout(30)
    return listener, path


def refuse_case(args, label, script, expected):
    from ase.io import read

    atoms = read(args.structure)
    name = f"nnplab-refuse-{os.getpid()}"
    listener, path = fake_server(name)
    client = subprocess.Popen([args.nnplab, "serve", args.structure, "--potential", "lj", "--unix", name],
                              stderr=subprocess.PIPE, text=True)
    try:
        connection, _ = listener.accept()
        script(connection, atoms)
        _, messages = client.communicate(timeout=30)
        connection.close()
    except subprocess.TimeoutExpired:
        client.kill()
        fail(f"{label}: nnplab serve hung")
    finally:
        listener.close()
        os.unlink(path)
    lines = messages.strip().splitlines()
    print(f"  {label}: status {client.returncode}, stderr {lines}")
    if client.returncode == 0 or len(lines) != 1 or expected not in lines[0]:
        fail(f"{label}: expected a non-zero exit and one line containing '{expected}'")


def header(word):
    return word.encode("ascii").ljust(12)


def posdata(atoms, count=None):
    from ase import units

    cell = atoms.cell[:]
    return (header("POSDATA") + (cell.T / units.Bohr).astype("<f8").tobytes()
            + (np.linalg.pinv(cell) * units.Bohr).astype("<f8").tobytes()
            + struct.pack("<i", len(atoms) if count is None else count)
            + (atoms.positions / units.Bohr).astype("<f8").tobytes())


def check_refusals(args):
    from ase.io import read

    count = len(read(args.structure))

    def wrong_count(conn, atoms):
        conn.sendall(posdata(atoms, count=len(atoms) + 1))
        time.sleep(0.5)

    def unknown(conn, atoms):
        conn.sendall(header("STATUS"))
        conn.recv(12)
        conn.sendall(header("HELLO"))
        time.sleep(0.5)

    def vanish(conn, atoms):
        conn.sendall(posdata(atoms)[:100])
        conn.close()

    refuse_case(args, "wrong atom count", wrong_count, f"the server sent {count + 1} atoms; {args.structure} has {count}")
    refuse_case(args, "unknown message", unknown, "unknown message from the server: 'HELLO'")
    refuse_case(args, "server vanishes mid-message", vanish, "closed the connection while sending the cell")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["ase", "ipi", "refuse"])
    parser.add_argument("nnplab")
    parser.add_argument("structure")
    parser.add_argument("potential", nargs="?", default="lj")
    parser.add_argument("--dt", type=float, default=1.0)
    parser.add_argument("--temperature", type=float, default=100.0)
    parser.add_argument("--tcp", action="store_true", help="a TCP port on localhost instead of a Unix socket")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nnplab-ipi-") as workdir:
        args.workdir = workdir
        {"ase": check_ase, "ipi": check_ipi, "refuse": check_refusals}[args.mode](args)
    print("  ok")


if __name__ == "__main__":
    main()
