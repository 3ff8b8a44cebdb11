"""Benchmark a generated server scaled out behind nginx: 1, 2 and 4 replicas, both eras.

Run by hand: ``python benchmarks/scale.py [--seconds 8] [--clients 16]``. It
- generates the bundled petstore server (``spec/openapi/petstore.yaml``) into a
  temporary directory;
- starts a local upstream on 127.0.0.1 that answers every route at once with the
  same small JSON list (a separate process, so the API costs next to nothing);
- for each replica count, starts that many ``python -m petstore_mcp --transport
  http`` processes on 127.0.0.1 (stateless, the default; call logs on) and
  Debian's nginx in front of them (installed with apt when missing, listening on
  127.0.0.1 only, the ``location`` of the generated ``nginx.conf``, round-robin);
- drives nginx with the official SDK client, ``--clients`` concurrent clients in
  one process, for ``--seconds`` (at most ``--max-calls`` calls, every call with a
  10 s timeout), first as 2025-11-25 clients (``initialize``), then as 2026-07-28
  clients (``server/discover``); each client calls ``listPets``.

Printed per replica count and era: tool calls per second, p50 and p99 latency,
errors, the replicas' peak memory (largest resident set of any replica), the CPU
seconds the replicas used and calls per replica CPU-second; then the scaling
ratio (4 replicas / 1) and calls per second per core. Everything runs on this
machine: with 2 cores shared by the load generator, nginx, the upstream and the
replicas, the ratio is capped by the cores; calls per replica CPU-second is the
figure that carries to a bigger machine.

Every loop is bounded in count and time, and only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
from mcp import Client

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mcpgen.openapi.generate import generate_server
from mcpgen.pipeline import write_tree

from tests.upstream_app import free_port, wait_for_port

PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"
ERAS = (("legacy", "2025-11-25"), ("2026-07-28", "2026-07-28"))
BODY = b'[{"id": 1, "name": "Rex", "status": "available"}, {"id": 2, "name": "Tom"}]'
CALL_TIMEOUT = 10.0
START_TIMEOUT = 30.0


def upstream_main(port: int) -> None:
    """The upstream API: every request gets 200 and ``BODY`` at once (HTTP/1.1 keep-alive)."""
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
        b"content-length: " + str(len(BODY)).encode() + b"\r\n\r\n"
    )

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            while True:
                headers = await reader.readuntil(b"\r\n\r\n")
                match = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", headers)
                if match:
                    await reader.readexactly(int(match.group(1)))
                writer.write(head + BODY)
                await writer.drain()
        writer.close()

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


def ensure_nginx() -> str:
    """Debian's nginx, installed with apt when missing (services are not started)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("nginx is missing: install Debian's package (apt-get install nginx)")
    policy = Path("/usr/sbin/policy-rc.d")
    added = not policy.exists()
    if added:  # the package must not start its own nginx on 0.0.0.0:80
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
    try:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "nginx"]
        if subprocess.run(command, env=env, timeout=600, check=False).returncode:
            subprocess.run(["apt-get", "update", "-q"], env=env, timeout=600, check=True)
            subprocess.run(command, env=env, timeout=600, check=True)
    finally:
        if added:
            policy.unlink()
    return shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_config(generated: str, ports: list[int], listen: int, prefix: Path) -> str:
    """The generated ``nginx.conf``'s MCP location, in front of replicas on loopback ports."""
    match = re.search(r"\n(\s*location = /mcp \{.*?\n\s*\})", generated, re.DOTALL)
    if match is None:
        raise RuntimeError("no 'location = /mcp' in the generated nginx.conf")
    servers = "".join(f"        server 127.0.0.1:{port};\n" for port in ports)
    temp = "".join(
        f"    {kind}_temp_path {prefix / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"worker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\n"
        "events {\n    worker_connections 4096;\n}\n"
        "http {\n    access_log off;\n"
        + temp
        + "    upstream mcp_servers {\n"
        + servers
        + "        keepalive 64;\n    }\n"
        f"    server {{\n        listen 127.0.0.1:{listen};\n"
        + match.group(1)
        + "\n        location = /healthz {\n            proxy_pass http://mcp_servers;\n"
        "        }\n    }\n}\n"
    )


@contextlib.contextmanager
def process(command: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[int]:
    """Run ``command`` with stderr to ``log``; yields its pid; ends it afterwards."""
    with open(log, "wb") as stderr:
        child = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=stderr, env={**os.environ, **(env or {})}
        )
    try:
        yield child.pid
    finally:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=15)


def peak_mb(pid: int) -> float:
    """The peak resident set of a process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user and system) a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (every process, any session)."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


@dataclass
class Usage:
    """CPU seconds used during the measured window."""

    replicas: float = 0.0
    load: float = 0.0
    nginx: float = 0.0
    upstream: float = 0.0
    machine: float = 0.0


def usage(replicas: list[int], nginx: int, upstream: int) -> Usage:
    return Usage(
        sum(cpu_seconds(pid) for pid in replicas),
        time.process_time(),
        cpu_seconds(nginx),
        cpu_seconds(upstream),
        machine_busy(),
    )


@dataclass
class Phase:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    cpu: Usage = field(default_factory=Usage)


async def drive(
    url: str,
    era: str,
    clients: int,
    seconds: float,
    max_calls: int,
    snapshot: Callable[[], Usage],
) -> Phase:
    """``clients`` SDK clients call ``listPets`` until ``seconds`` pass or ``max_calls``;
    ``snapshot`` is taken at both ends of the measured window."""
    phase = Phase()
    ready = anyio.Event()
    connected = 0
    window: dict[str, Any] = {}

    def open_window() -> None:
        window["before"] = snapshot()
        window["begin"] = time.perf_counter()
        window["deadline"] = window["begin"] + seconds
        ready.set()

    async def one() -> None:
        nonlocal connected
        async with Client(url, mode=era) as client:  # type: ignore[arg-type]
            for _ in range(3):  # warm-up, not measured
                await client.call_tool("listPets", {"limit": 2})
            connected += 1
            if connected == clients:
                open_window()
            await ready.wait()
            deadline = window["deadline"]
            while time.perf_counter() < deadline and len(phase.latencies) < max_calls:
                start = time.perf_counter()
                try:
                    with anyio.fail_after(CALL_TIMEOUT):
                        result = await client.call_tool("listPets", {"limit": 2})
                    failed = result.is_error
                except Exception:  # noqa: BLE001 - every failure is an error to count
                    failed = True
                end = time.perf_counter()
                if end <= deadline:  # calls still under way at the end are not counted
                    phase.latencies.append(end - start)
                    phase.errors += failed

    async def clock() -> None:
        await ready.wait()
        while time.perf_counter() < window["deadline"] and len(phase.latencies) < max_calls:
            await anyio.sleep(0.02)
        after = snapshot()
        phase.seconds = time.perf_counter() - window["begin"]
        pairs = zip(vars(after).values(), vars(window["before"]).values(), strict=True)
        phase.cpu = Usage(*(a - b for a, b in pairs))

    with anyio.fail_after(seconds + 2 * START_TIMEOUT + CALL_TIMEOUT):
        async with anyio.create_task_group() as group:
            group.start_soon(clock)
            for _ in range(clients):
                group.start_soon(one)
    return phase


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


@dataclass
class Row:
    replicas: int
    era: str
    phase: Phase
    peak_mb: float

    @property
    def rate(self) -> float:
        return len(self.phase.latencies) / self.phase.seconds if self.phase.seconds else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="measured seconds per run")
    parser.add_argument("--clients", type=int, default=16, help="concurrent SDK clients")
    parser.add_argument("--max-calls", type=int, default=50_000, help="calls per run at most")
    parser.add_argument("--replicas", default="1,2,4", help="replica counts, comma-separated")
    parser.add_argument("--upstream", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.upstream:
        upstream_main(args.upstream)
        return
    counts = [int(n) for n in args.replicas.split(",")]
    nginx = ensure_nginx()
    version = subprocess.run([nginx, "-v"], capture_output=True, text=True, check=True).stderr
    cores = os.cpu_count() or 1
    print(f"{cores} cores, Python {sys.version.split()[0]}, {version.strip()}")
    print(f"{args.clients} SDK clients in one process, {args.seconds:g} s per run, listPets")
    print(f"load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}\n", flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="mcpgen-scale-") as temp:
        work = Path(temp)
        work.chmod(0o755)  # nginx's workers run as another user
        contents, project, _ = generate_server(str(PETSTORE))
        write_tree(work / "project", contents)
        generated = (work / "project" / "nginx.conf").read_text()
        up_port = free_port()
        upstream = [sys.executable, __file__, "--upstream", str(up_port)]
        with process(upstream, work / "upstream.log") as up_pid:
            wait_for_port(up_port)
            for count in counts:
                setup = Setup(work, project.package, generated, nginx, up_port, up_pid)
                rows += run_count(args, count, setup)
    report(rows, counts, cores)


def report(rows: list[Row], counts: list[int], cores: int) -> None:
    print(
        f"\n{'replicas':>8} {'era':>10} {'calls':>6} {'calls/s':>7} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'errors':>6} {'peak MB':>7} {'calls/s/core':>12} "
        f"{'replica CPU-s':>13} {'calls/replica CPU-s':>19} {'load gen CPU-s':>14} "
        f"{'other sessions CPU-s':>20}"
    )
    for row in rows:
        phase, cpu = row.phase, row.phase.cpu
        ours = cpu.replicas + cpu.load + cpu.nginx + cpu.upstream
        print(
            f"{row.replicas:>8} {row.era:>10} {len(phase.latencies):>6} {row.rate:>7.0f} "
            f"{percentile(phase.latencies, 0.5):>7.1f} {percentile(phase.latencies, 0.99):>7.1f} "
            f"{phase.errors:>6} {row.peak_mb:>7.1f} {row.rate / cores:>12.1f} "
            f"{cpu.replicas:>13.1f} {len(phase.latencies) / max(cpu.replicas, 1e-9):>19.0f} "
            f"{cpu.load:>14.1f} {max(0.0, cpu.machine - ours):>20.1f}"
        )
    print()
    by = {(row.replicas, row.era): row for row in rows}
    top = max(counts)
    for _, era in ERAS:
        if top > 1 and (1, era) in by and (top, era) in by and by[(1, era)].rate:
            ratio = by[(top, era)].rate / by[(1, era)].rate
            print(f"scaling {top}/1 replicas, {era}: {ratio:.2f}x")


@dataclass(frozen=True)
class Setup:
    work: Path
    package: str
    generated: str
    """The generated project's nginx.conf."""
    nginx: str
    up_port: int
    up_pid: int


def run_count(args: argparse.Namespace, count: int, setup: Setup) -> list[Row]:
    """Start ``count`` replicas and nginx in front of them; drive them in both eras."""
    rows: list[Row] = []
    ports = [free_port() for _ in range(count)]
    env = {"PYTHONPATH": str(setup.work / "project")}
    base = [sys.executable, "-m", setup.package, "--transport", "http"]
    base += ["--base-url", f"http://127.0.0.1:{setup.up_port}"]
    with contextlib.ExitStack() as stack:
        pids = [
            stack.enter_context(
                process([*base, "--port", str(port)], setup.work / f"replica-{count}-{i}.log", env)
            )
            for i, port in enumerate(ports)
        ]
        for port in ports:
            wait_for_port(port, START_TIMEOUT)
        prefix = setup.work / f"nginx-{count}"
        prefix.mkdir()
        prefix.chmod(0o777)
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / kind).mkdir(mode=0o777)
        listen = free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_config(setup.generated, ports, listen, prefix))
        nginx = setup.nginx
        subprocess.run([nginx, "-t", "-q", "-p", str(prefix), "-c", str(conf)], check=True)
        command = [nginx, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]
        nginx_pid = stack.enter_context(process(command, prefix / "stderr.log"))
        wait_for_port(listen, START_TIMEOUT)
        url = f"http://127.0.0.1:{listen}/mcp"
        for mode, era in ERAS:

            def snapshot() -> Usage:
                return usage(pids, nginx_pid, setup.up_pid)

            phase = anyio.run(
                drive, url, mode, args.clients, args.seconds, args.max_calls, snapshot
            )
            row = Row(count, era, phase, max(peak_mb(pid) for pid in pids))
            rows.append(row)
            print(
                f"{count} replicas, {era}: {row.rate:.0f} calls/s, "
                f"p50 {percentile(phase.latencies, 0.5):.1f} ms, errors {phase.errors}",
                flush=True,
            )
    return rows


if __name__ == "__main__":
    main()
