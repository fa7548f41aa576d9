"""Latency of ``POST /analyze`` under load: p50/p99 and errors at 1, 8 and 32 concurrent clients, on loopback only.

    python bench/serve.py [DATA.jsonl] [--limit N] [--words 700] [--clients 1,8,32] [--workers 1,2]

Starts ``newsbrief serve`` (a real uvicorn process) on 127.0.0.1 at a free port for each worker count, sends
700-word articles cut from the CNN/DailyMail dev set (default ``../shared/data/keypoints/cnndm_dev.jsonl``) from
N concurrent clients, each request timed from send to the last byte, and the server's CPU seconds per request
(from /proc: the cost of a request whatever else the machine runs). Each level is bounded both in requests
(``--requests``, default 4 per client, at least 16) and in time (``--max-seconds``). The reference row is the
same articles analysed in process by ``newsbrief.analyze`` (no HTTP, no concurrency): the cost of one analysis.
Target (issue 6): no errors, p99 under 2 s at 8 clients.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "keypoints" / "cnndm_dev.jsonl"
HOST = "127.0.0.1"  # loopback only, never any other address


def load_articles(path: Path, limit: int, words: int) -> list[str]:
    """Articles of at least ``words`` words, cut after the ``words``-th word (whitespace kept as it was)."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = row.get("article") or row.get("text") or ""
            tokens = list(re.finditer(r"\S+", text))
            if len(tokens) >= words:
                out.append(text[: tokens[words - 1].end()])
            if len(out) >= limit:
                break
    return out


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: with few samples p99 is the slowest request, never an interpolation below it."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by a process and its live children (Linux /proc; None elsewhere).

    Unlike latency, it does not depend on what else the machine is doing: the cost of one request.
    """
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        pids = [pid] + [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        total = 0
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks
    except (OSError, ValueError, IndexError):
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, workers: int) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.workers = workers
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsbrief", "serve", "--host", HOST, "--port", str(self.port),
             "--workers", str(self.workers)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"bench: the server exited: {self.proc.stderr.read().strip()}")
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        raise SystemExit("bench: the server did not start within 180 s")

    def __exit__(self, *exc: object) -> None:
        assert self.proc is not None
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def load(url: str, articles: list[str], clients: int, requests: int, max_seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient, index: int) -> None:
        nonlocal sent
        while sent < requests and time.monotonic() < deadline:
            text = articles[sent % len(articles)]
            sent += 1
            started = time.perf_counter()
            try:
                response = await http.post(url + "/analyze", json={"text": text})
                body = response.content
                elapsed = time.perf_counter() - started
                if response.status_code != 200 or not json.loads(body).get("key_points"):
                    errors.append(f"HTTP {response.status_code}")
                else:
                    latencies.append(elapsed)
            except (httpx.HTTPError, ValueError) as exc:
                errors.append(type(exc).__name__)

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        await asyncio.gather(*(client(http, i) for i in range(clients)))
    wall = time.perf_counter() - started
    return {"latencies": latencies, "errors": errors, "wall": wall}


def row(label: str, workers: str, clients: str, latencies: list[float], errors: int, wall: float,
        cpu: float | None) -> str:
    cpu_text = f"{cpu / max(1, len(latencies) + errors):.3f}" if cpu is not None else "–"
    if not latencies:
        return f"| {label} | {workers} | {clients} | 0 | {errors} | – | – | – | – | {cpu_text} |"
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    return (f"| {label} | {workers} | {clients} | {len(latencies) + errors} | {errors} | {p50:.3f} | {p99:.3f}"
            f" | {statistics.fmean(latencies):.3f} | {len(latencies) / wall:.2f} | {cpu_text} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="JSON Lines with an 'article' field")
    parser.add_argument("--limit", type=int, default=16, help="distinct articles to send (default 16)")
    parser.add_argument("--words", type=int, default=700, help="article length in words (default 700)")
    parser.add_argument("--clients", default="1,8,32", help="concurrency levels (default 1,8,32)")
    parser.add_argument("--workers", default="1,2", help="server processes to measure (default 1,2)")
    parser.add_argument("--requests", type=int, default=0, help="requests per level (default 4 per client, >= 16)")
    parser.add_argument("--max-seconds", type=float, default=180, help="time bound per level (default 180)")
    args = parser.parse_args()

    path = Path(args.data)
    if not path.is_file():
        print(f"bench: {path}: no such file (the shared data is absent)", file=sys.stderr)
        return 2
    articles = load_articles(path, args.limit, args.words)
    if not articles:
        print(f"bench: no article in {path} has {args.words} words", file=sys.stderr)
        return 2
    levels = [int(x) for x in args.clients.split(",")]
    worker_counts = [int(x) for x in args.workers.split(",")]

    print(f"# POST /analyze on {HOST}: {len(articles)} distinct {args.words}-word articles from {path.name}; "
          f"{os.cpu_count()} CPUs; load average before: {os.getloadavg()[0]:.2f}\n")
    print("| run | server workers | clients | requests | errors | p50 s | p99 s | mean s | req/s | CPU s/req |")
    print("|---|---|---|---|---|---|---|---|---|---|")

    import newsbrief

    newsbrief.analyze(articles[0])  # model load is not part of an analysis
    direct: list[float] = []
    started, cpu_start = time.perf_counter(), time.process_time()
    for text in articles:
        t0 = time.perf_counter()
        newsbrief.analyze(text)
        direct.append(time.perf_counter() - t0)
    print(row("in process, no HTTP (reference)", "–", "1", direct, 0, time.perf_counter() - started,
              time.process_time() - cpu_start), flush=True)
    cpu_per_article = (time.process_time() - cpu_start) / len(articles)

    verdicts = []
    for workers in worker_counts:
        with Server(workers) as server:
            # one warm request per worker so no level pays for a cold start
            asyncio.run(load(server.url, articles, workers, workers, 120))
            for clients in levels:
                requests = args.requests or max(16, 4 * clients)
                cpu_before = cpu_seconds(server.proc.pid)
                result = asyncio.run(load(server.url, articles, clients, requests, args.max_seconds))
                cpu_after = cpu_seconds(server.proc.pid)
                cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
                print(row("newsbrief serve", str(workers), str(clients), result["latencies"], len(result["errors"]),
                          result["wall"], cpu), flush=True)
                if clients == 8 and result["latencies"]:
                    p99 = percentile(result["latencies"], 99)
                    ok = p99 < 2.0 and not result["errors"]
                    verdicts.append(f"{workers} worker(s), 8 clients: p99 {p99:.2f} s, {len(result['errors'])} errors"
                                    f" -> {'meets' if ok else 'misses'} the target (p99 < 2 s, no errors)")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    for line in verdicts:
        print(line)
    cores = os.cpu_count() or 1
    for workers in worker_counts:
        # a closed loop of 8 clients on an otherwise idle machine: each request waits for the ones ahead of it
        print(f"idle-machine estimate, {workers} worker(s), 8 clients: p99 ~ 8 x {cpu_per_article:.3f} s CPU"
              f" / {min(workers, cores)} = {8 * cpu_per_article / min(workers, cores):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
