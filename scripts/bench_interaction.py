"""Load proof of the message board's form (/hudong/ask/) over the real HTTP stack.

Starts `manage.py runserver` (threaded; gunicorn with 2 workers instead when it is installed) on
a free port over a database of its own: a temporary SQLite file, or with `--database postgres` a
throwaway PostgreSQL database bench_interaction_<pid>, dropped at the end. The rate limits count
in Redis under a key prefix of this run's own, whose keys are deleted at the end. Then:

A. 50 citizens (each with an address, a phone and cookies of their own) GET the form and POST it
   at the same instant, 5 of them twice (a double tap); later 5 re-post their used form. Exactly
   50 questions, each subject once, 50 query codes, every answer 302, each receipt its own code.
B. One address posts 40 valid forms as fast as it can while 10 others post one each: 10 of the
   40 are stored (REDESIGN_INTERACTION_RATE_IP=10/h), the rest answered 429; the 10 are stored.
C. One phone number from 8 addresses (REDESIGN_INTERACTION_RATE_PHONE=5/d): 5 stored, 3 × 429.

Prints per phase the requests, statuses, wall time, median and p95 latency, what was stored and
PASS/FAIL per check; exits 1 when a check fails, 2 when the bench cannot run. The migrated schema
is cached (bench-interaction-<digest>.sqlite3 beside manage.py, or the PostgreSQL database
bench_interaction_tpl_<digest>) and copied for each run; `--fresh` migrates from scratch.
The script is a plain client: the database is set up and read by `manage.py` subprocesses.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import redis
import requests

ROOT = Path(__file__).resolve().parent.parent
SITE_NAME, HOSTNAME = "那坡县人民政府", "napo.localhost"
DEPARTMENT = "那坡县住房和城乡建设局"
ASK, DONE = "/hudong/ask/", "/hudong/ask/done/"
CATEGORIES = ("consult", "suggest", "complain", "help")
TIMEOUT = 120  # seconds one request may take before it counts as an error
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}  # django-ratelimit's
# base.py fixes the cache's KEY_PREFIX ("redesign"): under it, runs at the same time (or a dev
# server on the same Redis) would share rate-limit counters and Wagtail's cached site paths, and a
# FLUSHDB would wipe another run's counters. So each run's server loads these settings instead.
SETTINGS_MODULE = "bench_interaction_settings"
SETTINGS_OVERLAY = '''"""redesign.settings.dev, its cache keys under this bench run's own prefix."""

from redesign.settings.dev import *  # noqa: F403
from redesign.settings.dev import CACHES

CACHES["default"]["KEY_PREFIX"] = {prefix!r}
'''
LOCAL_PG = "postgresql://postgres@127.0.0.1:5432/postgres"
MARK = "BENCH-JSON "
# One manage.py shell for the whole run: it migrates, creates the site and its department, prints
# them, then prints the site's questions as JSON each time a line comes in on its stdin.
INSPECTOR = """
import json, os, sys
from django.core.management import call_command
from redesign.cluster.provisioning import create_county_site
from redesign.interaction.models import Department, Question
call_command("migrate", interactive=False, verbosity=0)
result = create_county_site(
    name=os.environ["BENCH_SITE_NAME"],
    hostname=os.environ["BENCH_HOSTNAME"],
    port=int(os.environ["BENCH_PORT"]),
)
department, _ = Department.objects.get_or_create(site=result.site, name=os.environ["BENCH_DEPT"])
questions = Question.objects.filter(site=result.site)
print("BENCH-JSON " + json.dumps({"department": department.pk, "questions": questions.count()}))
sys.stdout.flush()
for _ in sys.stdin:
    rows = list(questions.values("subject", "code", "phone", "ip_address"))
    print("BENCH-JSON " + json.dumps(rows, ensure_ascii=False))
    sys.stdout.flush()
"""


class BenchError(Exception):
    """The bench cannot run (a service missing, the server not starting); the message says why."""


def default_pg_server() -> str:
    """Where throwaway databases go: BENCH_PG_URL, a PostgreSQL DATABASE_URL's server, or local."""
    given = os.environ.get("BENCH_PG_URL") or os.environ.get("DATABASE_URL", "")
    return given if given.startswith("postgres") else LOCAL_PG


@dataclass
class Config:
    """How many of what, the limits the server runs with, and where its data goes."""

    concurrent: int = 50
    double_taps: int = 5
    replays: int = 5
    flood: int = 40
    flood_workers: int = 8
    bystanders: int = 10
    shared_phone: int = 8
    rate_ip: str = "10/h"
    rate_phone: str = "5/d"
    database: str = "sqlite"  # sqlite, postgres, or the URL of a fresh database of yours
    pg_server: str = field(default_factory=default_pg_server)
    redis_url: str = field(
        default_factory=lambda: os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    )
    server: str = "auto"  # auto (gunicorn when installed), runserver or gunicorn
    fresh: bool = False  # migrate from scratch instead of copying the cached migrated schema


@dataclass
class Stack:
    """The running server and what citizens need to reach it."""

    config: Config
    port: int
    department: int
    server: str
    database: str
    setup_seconds: float
    inspector: Inspector

    @property
    def base(self) -> str:
        """Where requests go."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def host(self) -> str:
        """The Host header of the county site."""
        return f"{HOSTNAME}:{self.port}"


@dataclass(frozen=True)
class Outcome:
    """One POST: who sent it, its status, its start and end, its redirect (or 0 and the error)."""

    who: str
    status: int
    started: float
    ended: float
    location: str = ""


@dataclass(frozen=True)
class Check:
    """One claim about a phase, whether it held, and the figure behind it."""

    label: str
    ok: bool
    detail: str = ""


@dataclass
class PhaseReport:
    """A phase's requests by group, what it stored, its checks, and the site's questions after."""

    title: str
    groups: dict[str, list[Outcome]]
    stored: str
    checks: list[Check]
    total: int


# ---- the stack: Redis, database, site, server -------------------------------------------------


def connect_redis(url: str) -> redis.Redis:
    """A client of the Redis the rate limits will count in, or BenchError when it is not there."""
    client = redis.Redis.from_url(url, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as err:
        raise BenchError(
            f"Redis at {url} is not reachable ({err}): the rate limits must count in a cache "
            "every server thread and process shares. Start redis-server or set BENCH_REDIS_URL."
        ) from err
    return client


def forget_keys(client: redis.Redis, prefix: str) -> None:
    """Delete this run's cache keys, and only those."""
    keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])


def server_env(config: Config, workdir: Path, prefix: str) -> dict[str, str]:
    """The environment of every manage.py of the run: dev settings, Redis under the prefix."""
    (workdir / f"{SETTINGS_MODULE}.py").write_text(
        SETTINGS_OVERLAY.format(prefix=prefix), encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        PYTHONPATH=os.pathsep.join(filter(None, [str(workdir), str(ROOT), env.get("PYTHONPATH")])),
        CACHE_URL=config.redis_url,
        TRUST_PROXY="1",
        TRUST_PROXY_HOPS="1",
        REDESIGN_INTERACTION_RATE_IP=config.rate_ip,
        REDESIGN_INTERACTION_RATE_PHONE=config.rate_phone,
        ALLOWED_HOSTS=f"{HOSTNAME},127.0.0.1,localhost",
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_ROOT=str(workdir / "private"),
        PYTHONUNBUFFERED="1",
        BENCH_SITE_NAME=SITE_NAME,
        BENCH_HOSTNAME=HOSTNAME,
        BENCH_DEPT=DEPARTMENT,
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run manage.py with the run's environment: its output, or BenchError with its errors."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode:
        raise BenchError(f"manage.py {args[0]} failed:\n{done.stderr[-4000:]}")
    return done.stdout


def schema_digest() -> str:
    """A digest of what the schema is made of: the repo's migrations, the packages with some."""
    digest = hashlib.sha256()
    for package in ("redesign", "blocks", "migrations_kit"):
        for path in sorted((ROOT / package).rglob("migrations/*.py")):
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    versions = {
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in importlib.metadata.distributions()
        if any("migrations" in path.parts for path in dist.files or ())
    }
    digest.update("\n".join(sorted(versions)).encode())
    return digest.hexdigest()[:12]


def sqlite_template(env: dict[str, str]) -> Path:
    """The migrated SQLite file of this schema digest, built once (and older ones removed)."""
    path = ROOT / f"bench-interaction-{schema_digest()}.sqlite3"
    if path.exists():
        return path
    building = ROOT / f"bench-interaction-building-{os.getpid()}.sqlite3"
    try:
        manage({**env, "DATABASE_URL": f"sqlite:///{building}"}, "migrate", "--noinput", "-v0")
        os.replace(building, path)
    finally:
        building.unlink(missing_ok=True)
    for stale in ROOT.glob("bench-interaction-*.sqlite3"):
        if re.fullmatch(r"bench-interaction-[0-9a-f]{12}\.sqlite3", stale.name) and stale != path:
            stale.unlink(missing_ok=True)
    return path


def with_database(url: str, name: str) -> str:
    """The URL of another database on the same server."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def shown(url: str) -> str:
    """A database URL without its password."""
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)


def pg_execute(admin_url: str, statement, retries: int = 5) -> None:
    """Run one statement on the maintenance database, retrying while a database is in use."""
    import psycopg
    from psycopg import errors

    for attempt in range(retries):
        try:
            with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
                conn.execute(statement)
            return
        except errors.ObjectInUse:
            if attempt == retries - 1:
                raise
            time.sleep(1)  # a backend of the last manage.py may still be closing


def pg_template(config: Config, env: dict[str, str], admin_url: str) -> str:
    """The migrated template database of this schema digest, built once when missing."""
    import psycopg
    from psycopg import errors, sql

    name = f"bench_interaction_tpl_{schema_digest()}"
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return name
        stale = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            ["bench\\_interaction\\_tpl\\_%"],
        ).fetchall()
    building = f"bench_interaction_build_{os.getpid()}"
    pg_execute(admin_url, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
    try:
        manage(
            {**env, "DATABASE_URL": with_database(config.pg_server, building)},
            "migrate",
            "--noinput",
            "-v0",
        )
        rename = sql.SQL("ALTER DATABASE {} RENAME TO {}")
        try:
            pg_execute(admin_url, rename.format(sql.Identifier(building), sql.Identifier(name)))
        except errors.DuplicateDatabase:
            pass  # a run at the same time built it first
    finally:
        drop_pg(admin_url, building)
    for (old,) in stale:
        drop_pg(admin_url, old)
    return name


def drop_pg(admin_url: str, name: str) -> None:
    """Drop a database of the bench, whoever is still connected."""
    from psycopg import sql

    statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    pg_execute(admin_url, statement)


def throwaway_pg(config: Config, env: dict[str, str], cleanups: ExitStack) -> tuple[str, str]:
    """A new database bench_interaction_<pid> (a copy of the template), dropped at the end."""
    import psycopg
    from psycopg import sql

    admin_url = with_database(config.pg_server, "postgres")
    name = f"bench_interaction_{os.getpid()}"
    try:
        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if not config.fresh:
            template = pg_template(config, env, admin_url)
            create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        pg_execute(admin_url, create)
    except psycopg.errors.DuplicateDatabase as err:
        raise BenchError(f"{name} exists already (left by a crashed run?): drop it") from err
    except psycopg.Error as err:
        raise BenchError(f"PostgreSQL at {shown(admin_url)}: {err}") from err
    cleanups.callback(drop_pg, admin_url, name)
    return with_database(config.pg_server, name), f"PostgreSQL {name} (dropped at the end)"


def provide_database(
    config: Config, env: dict[str, str], workdir: Path, cleanups: ExitStack
) -> tuple[str, str]:
    """The run's database URL and its description; its removal is registered on cleanups."""
    if config.database == "sqlite":
        path = workdir / "bench.sqlite3"
        if not config.fresh:
            shutil.copyfile(sqlite_template(env), path)
        return f"sqlite:///{path}", "SQLite, a temporary file"
    if config.database == "postgres":
        return throwaway_pg(config, env, cleanups)
    return config.database, f"{shown(config.database)} (kept)"


class Inspector:
    """The run's `manage.py shell`: sets the site up, then reads the questions back on request."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        with open(log, "wb") as errors:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter, no shell
                [sys.executable, "manage.py", "shell", "--no-imports", "-c", INSPECTOR],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                encoding="utf-8",
            )
        self.log = log

    def read(self) -> object:
        """The next JSON result, or BenchError with the shell's errors when it ended."""
        for line in self.process.stdout:
            if line.startswith(MARK):
                return json.loads(line[len(MARK) :])
        self.process.wait(timeout=30)
        raise BenchError(f"manage.py shell ended ({self.process.returncode}):\n{tail(self.log)}")

    def rows(self) -> list[dict]:
        """The site's questions as the database holds them: subject, code, phone, address."""
        self.process.stdin.write("rows\n")
        self.process.stdin.flush()
        return self.read()

    def close(self) -> None:
        """End the shell: its input closes, its loop ends."""
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(config: Config, port: int) -> tuple[str, list[str]]:
    """What serves the site: gunicorn with 2 workers when installed (or asked), else runserver."""
    wanted = config.server
    if wanted == "gunicorn" or (wanted == "auto" and importlib.util.find_spec("gunicorn")):
        # Idle connections kept 75 s, as a browser-facing server does: gunicorn's own 2 s can
        # close a citizen's connection just as the POST goes out on it.
        return "gunicorn, 2 workers × 4 threads", [
            sys.executable, "-m", "gunicorn", "redesign.wsgi:application", "--workers", "2",
            "--threads", "4", "--keep-alive", "75", "--bind", f"127.0.0.1:{port}",
            "--access-logfile", "-",
        ]  # fmt: skip
    return "manage.py runserver (threaded)", [
        sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}",
    ]  # fmt: skip


def start_server(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start the server in a process group of its own, its output going to the log file."""
    with open(log, "wb") as out:
        return subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments, no shell
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server we started, and its workers: TERM, then KILL after 10 s."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def tail(log: Path, lines: int = 30) -> str:
    """The last lines the server wrote."""
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def wait_until_up(process: subprocess.Popen, port: int, log: Path, timeout: float = 120) -> None:
    """Wait until the form page answers 200; BenchError if the server dies or answers otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"the server exited with {process.returncode}:\n{tail(log)}")
        try:
            response = requests.get(
                f"http://127.0.0.1:{port}{ASK}", headers={"Host": f"{HOSTNAME}:{port}"}, timeout=5
            )
        except requests.RequestException:
            time.sleep(0.2)
            continue
        if response.status_code != 200:
            raise BenchError(f"{ASK} answered {response.status_code}:\n{tail(log)}")
        return
    raise BenchError(f"the server did not answer within {timeout:.0f} s:\n{tail(log)}")


@contextmanager
def running_stack(config: Config) -> Iterator[Stack]:
    """Database, site, cache prefix and server for one run; all of it removed afterwards."""
    check_config(config)
    started = time.perf_counter()
    cache = connect_redis(config.redis_url)
    prefix = f"bench-interaction-{os.getpid()}-{secrets.token_hex(4)}"
    with ExitStack() as cleanups:
        workdir = Path(tempfile.mkdtemp(prefix="bench-interaction-"))
        cleanups.callback(shutil.rmtree, workdir, ignore_errors=True)
        cleanups.callback(forget_keys, cache, prefix)
        env = server_env(config, workdir, prefix)
        env["DATABASE_URL"], database = provide_database(config, env, workdir, cleanups)
        port = free_port()
        env["BENCH_PORT"] = str(port)
        inspector = Inspector(env, workdir / "shell.log")
        cleanups.callback(inspector.close)
        site = inspector.read()
        if site["questions"]:
            raise BenchError("the database already holds questions of the site: give a fresh one")
        server, command = server_command(config, port)
        log = workdir / "server.log"
        process = start_server(command, env, log)
        cleanups.callback(stop_server, process)
        wait_until_up(process, port, log)
        setup_seconds = time.perf_counter() - started
        try:
            yield Stack(
                config, port, site["department"], server, database, setup_seconds, inspector
            )
        except BaseException:
            print(f"the server's last lines:\n{tail(log)}", file=sys.stderr)
            raise


# ---- citizens ----------------------------------------------------------------------------------


def hidden(html: str, name: str) -> str:
    """The value of the form's hidden input of that name."""
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    if match is None:
        raise BenchError(f"the form page has no {name} input")
    return match.group(1)


class Citizen:
    """One person: an address of their own, a phone, and a browser's cookies."""

    def __init__(self, stack: Stack, address: str, phone: str, who: str) -> None:
        self.stack, self.address, self.phone, self.who = stack, address, phone, who
        self.session = requests.Session()
        self.session.headers.update({"Host": stack.host, "X-Forwarded-For": address})

    def twin(self, who: str | None = None) -> Citizen:
        """The same person in a second tab: the same address, phone and cookies."""
        other = Citizen(self.stack, self.address, self.phone, who or self.who)
        other.session.cookies.update(self.session.cookies)
        return other

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        """One request, on the connection the citizen's first request opened, as a browser does.

        So the POSTs reach the server at the same instant without 50 connects at once, which
        runserver's listen backlog of 10 would answer with resets before Django saw them.
        """
        return self.session.request(
            method, self.stack.base + path, timeout=TIMEOUT, allow_redirects=False, **kwargs
        )

    def connect(self) -> None:
        """Open the citizen's connection ahead (a HEAD of the form), so a burst needs no connect."""
        self.request("HEAD", ASK)

    def leave(self) -> None:
        """Close the citizen's connection (a runserver thread waits on each one kept alive)."""
        self.session.close()

    def open_form(self) -> dict[str, str]:
        """GET the form: its one-time token and the CSRF token (the cookie stays in the jar)."""
        response = self.request("GET", ASK)
        if response.status_code != 200:
            raise BenchError(f"GET {ASK} answered {response.status_code}")
        return {name: hidden(response.text, name) for name in ("csrfmiddlewaretoken", "token")}

    def post(self, form: dict[str, str]) -> Outcome:
        """POST a filled form without following the redirect."""
        started = time.perf_counter()
        try:
            response = self.request("POST", ASK, data=form)
            status, location = response.status_code, response.headers.get("Location", "")
        except requests.RequestException as err:
            status, location = 0, type(err).__name__
        return Outcome(self.who, status, started, time.perf_counter(), location)

    def receipt_code(self) -> str:
        """The query code the receipt page shows this citizen ("" when it shows none)."""
        try:
            response = self.request("GET", DONE)
        except requests.RequestException:
            return ""
        match = re.search(r'class="qa-code">\s*([^<\s]+)\s*<', response.text)
        return match.group(1) if response.status_code == 200 and match else ""


def fill(tokens: dict[str, str], n: int, subject: str, phone: str, department: int) -> dict:
    """A valid question on top of the page's tokens; the optional fields vary with n."""
    form = {
        **tokens,
        "subject": subject,
        "content": f"{subject}：已经持续一段时间，请相关部门尽快核实处理，谢谢！",
        "category": CATEGORIES[n % len(CATEGORIES)],
        "department": str(department) if n % 2 else "",
        "name": "压测市民",
        "phone": phone,
        "email": f"citizen{n}@example.org" if n % 3 == 0 else "",
        "website": "",
    }
    if n % 2:
        form["publish_consent"] = "on"  # an unticked box is not sent at all
    return form


def one_post(citizen: Citizen, form: dict) -> Callable[[], list[Outcome]]:
    """A job: the citizen posts the form once."""
    return lambda: [citizen.post(form)]


def posts_in_turn(citizen: Citizen, forms: list[dict]) -> Callable[[], list[Outcome]]:
    """A job: the citizen posts the forms one after another, as fast as the server answers."""
    return lambda: [citizen.post(form) for form in forms]


def at_once(jobs: list[Callable[[], list[Outcome]]]) -> list[Outcome]:
    """Run the jobs in threads of their own released together by a barrier; all outcomes."""
    barrier = threading.Barrier(len(jobs))

    def run(job: Callable[[], list[Outcome]]) -> list[Outcome]:
        barrier.wait(timeout=TIMEOUT)
        return job()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return [outcome for outcomes in pool.map(run, jobs) for outcome in outcomes]


def parallel(function: Callable, items: Iterable, workers: int = 10) -> list:
    """function over items in a few threads, results in order (the preparing GETs)."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def leave(citizens: list[Citizen]) -> None:
    """Close the citizens' connections."""
    for citizen in citizens:
        citizen.leave()


def stored_rows(stack: Stack) -> list[dict]:
    """The site's questions as the database holds them, read by the run's manage.py shell."""
    return stack.inspector.rows()


# ---- rate limits -------------------------------------------------------------------------------


def parse_rate(rate: str) -> tuple[int, int]:
    """A django-ratelimit rate ("10/h", "5/2d") as (count, seconds)."""
    match = re.fullmatch(r"(\d+)/(\d*)([smhd])?", rate)
    if match is None:
        raise BenchError(f"rate {rate!r} is not count/period")
    count, multiple, unit = match.groups()
    return int(count), PERIODS[unit or "s"] * int(multiple or 1)


def steady(candidates: Iterable[str], rate: str, margin: int = 600) -> str:
    """The first key whose rate window stays open for margin seconds: no reset mid-phase.

    django-ratelimit ends a key's window at an offset of crc32(key) into the period
    (django_ratelimit.core._get_window); a window ending during a phase would count afresh.
    """
    candidates = list(candidates)
    period = parse_rate(rate)[1]
    margin = min(margin, period // 2)
    now = int(time.time())
    for value in candidates:
        end = now - now % period + zlib.crc32(value.encode()) % period
        if (end if end >= now else end + period) - now > margin:
            return value
    return candidates[0]


def check_config(config: Config) -> None:
    """Refuse numbers that cannot prove anything under the configured limits."""
    by_ip, by_phone = parse_rate(config.rate_ip)[0], parse_rate(config.rate_phone)[0]
    if min(by_ip, by_phone) < 3:
        raise BenchError("phase A posts up to 3 times per address and phone: limits must be ≥ 3")
    if config.flood <= by_ip or config.shared_phone <= by_phone:
        raise BenchError("the flood and the shared phone must post more than their limits")
    if max(config.double_taps, config.replays) > config.concurrent:
        raise BenchError("double taps and replays are made by the concurrent citizens")


# ---- phases ------------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))]


def statuses(outcomes: list[Outcome]) -> str:
    """The statuses counted: 302×50 429×30, and requests that got no answer by error."""
    counts = Counter(outcome.status or outcome.location for outcome in outcomes)
    return " ".join(f"{status}×{count}" for status, count in sorted(counts.items(), key=str))


def summary(outcomes: list[Outcome]) -> str:
    """Requests, statuses, wall time, median and p95 latency of a group of posts."""
    if not outcomes:
        return "no requests"
    times = [(outcome.ended - outcome.started) * 1000 for outcome in outcomes]
    wall = max(o.ended for o in outcomes) - min(o.started for o in outcomes)
    return (
        f"{len(outcomes)} requests, {statuses(outcomes)}, wall {wall:.2f} s, "
        f"median {statistics.median(times):.0f} ms, p95 {percentile(times, 0.95):.0f} ms"
    )


def only(outcomes: list[Outcome], status: int) -> int:
    """How many outcomes had that status."""
    return sum(outcome.status == status for outcome in outcomes)


def phase_concurrent(stack: Stack) -> PhaseReport:
    """A: citizens post at once (some double-tap), later some re-post: each stored exactly once."""
    config, n = stack.config, stack.config.concurrent
    citizens = [
        Citizen(stack, f"10.1.{i // 250}.{i % 250 + 1}", f"138{i:08d}", "citizen") for i in range(n)
    ]
    subjects = [f"A{i:03d} 小区门口路灯不亮" for i in range(n)]
    pages = parallel(Citizen.open_form, citizens)
    forms = [
        fill(pages[i], i, subjects[i], c.phone, stack.department) for i, c in enumerate(citizens)
    ]
    jobs = [one_post(citizen, form) for citizen, form in zip(citizens, forms, strict=True)]
    twins = [citizens[i].twin("double tap") for i in range(config.double_taps)]
    parallel(Citizen.connect, twins)
    jobs += [one_post(twin, form) for twin, form in zip(twins, forms, strict=False)]
    posts = at_once(jobs)
    seen = parallel(Citizen.receipt_code, citizens)
    rows = stored_rows(stack)
    replays = at_once([one_post(citizens[i], forms[i]) for i in range(config.replays)])
    after = stored_rows(stack)
    leave([*citizens, *twins])
    code_of = {row["subject"]: row["code"] for row in rows}
    codes = {row["code"] for row in rows}
    own = sum(bool(seen[i]) and code_of.get(subjects[i]) == seen[i] for i in range(n))
    return PhaseReport(
        f"A: {n} citizens post at once ({config.double_taps} of them twice), "
        f"then {config.replays} re-post their used form",
        {"at once": posts, "re-posts": replays},
        f"{len(rows)} questions, {len(code_of)} subjects, {len(codes)} query codes; "
        f"after the re-posts {len(after)}",
        [
            Check(
                f"every post answered 302 to {DONE}",
                all(o.status == 302 and o.location.endswith(DONE) for o in posts),
                statuses(posts),
            ),
            Check(f"exactly {n} questions stored", len(rows) == n, str(len(rows))),
            Check(
                "each subject stored once",
                Counter(row["subject"] for row in rows) == Counter(subjects),
                f"{len(code_of)} distinct",
            ),
            Check(f"{n} distinct query codes", len(codes) == n, str(len(codes))),
            Check("each receipt shows the citizen's own code", own == n, f"{own} of {n}"),
            Check(
                "the re-posts answered 302", only(replays, 302) == config.replays, statuses(replays)
            ),
            Check(f"the re-posts stored nothing: still {n}", len(after) == n, str(len(after))),
        ],
        len(after),
    )


def phase_flood(stack: Stack, before: int | None = None) -> PhaseReport:
    """B: one address floods the form while others post once: it is cut off at its limit."""
    config = stack.config
    limit = parse_rate(config.rate_ip)[0]
    if before is None:
        before = len(stored_rows(stack))
    address = steady((f"10.2.0.{k}" for k in range(1, 255)), config.rate_ip)
    flooder = Citizen(stack, address, "", "flooder")
    flood_forms = [
        fill(flooder.open_form(), i, f"B{i:03d} 夜间施工噪音扰民", f"139{i:08d}", stack.department)
        for i in range(config.flood)
    ]
    others = [
        Citizen(stack, f"10.3.{i // 250}.{i % 250 + 1}", f"137{i:08d}", "others")
        for i in range(config.bystanders)
    ]
    pages = parallel(Citizen.open_form, others)
    other_forms = [
        fill(pages[i], i, f"B-others{i:03d} 农村公路破损", c.phone, stack.department)
        for i, c in enumerate(others)
    ]
    workers = [flooder.twin() for _ in range(config.flood_workers)]
    parallel(Citizen.connect, workers)
    jobs = [posts_in_turn(w, flood_forms[k :: len(workers)]) for k, w in enumerate(workers)]
    jobs += [one_post(c, f) for c, f in zip(others, other_forms, strict=True)]
    outcomes = at_once(jobs)
    flood = [o for o in outcomes if o.who == "flooder"]
    rest = [o for o in outcomes if o.who == "others"]
    rows = stored_rows(stack)
    leave([flooder, *workers, *others])
    by_address = Counter(row["ip_address"] for row in rows)
    stored_others = sum(by_address[c.address] == 1 for c in others)
    added = len(rows) - before
    return PhaseReport(
        f"B: one address posts {config.flood} forms ({config.flood_workers} threads) while "
        f"{config.bystanders} others post one each (limit {config.rate_ip})",
        {"flooder": flood, "others": rest},
        f"{by_address[address]} of the flooder's, {stored_others} of the others' (+{added})",
        [
            Check(
                f"the flooder: {limit} answered 302, {config.flood - limit} answered 429",
                only(flood, 302) == limit and only(flood, 429) == config.flood - limit,
                statuses(flood),
            ),
            Check(
                f"{limit} of the flooder's questions stored",
                by_address[address] == limit,
                str(by_address[address]),
            ),
            Check(
                f"all {len(others)} others answered 302 and were stored",
                only(rest, 302) == len(rest) and stored_others == len(others),
                f"{statuses(rest)}, {stored_others} stored",
            ),
            Check(
                f"nothing else stored: +{limit + len(others)}",
                added == limit + len(others),
                f"+{added}",
            ),
        ],
        len(rows),
    )


def phase_shared_phone(stack: Stack, before: int | None = None) -> PhaseReport:
    """C: one phone number from several addresses: stored up to the number's limit."""
    config = stack.config
    limit, posts = parse_rate(config.rate_phone)[0], config.shared_phone
    if before is None:
        before = len(stored_rows(stack))
    phone = steady((f"1360000{k:04d}" for k in range(10000)), config.rate_phone)
    citizens = [Citizen(stack, f"10.4.0.{i + 1}", phone, "same phone") for i in range(posts)]
    pages = parallel(Citizen.open_form, citizens)
    forms = [
        fill(pages[i], i, f"C{i:03d} 社保卡补办流程咨询", phone, stack.department)
        for i in range(posts)
    ]
    outcomes = at_once([one_post(c, f) for c, f in zip(citizens, forms, strict=True)])
    rows = stored_rows(stack)
    leave(citizens)
    with_phone = sum(row["phone"] == phone for row in rows)
    added = len(rows) - before
    return PhaseReport(
        f"C: one phone number from {posts} addresses at once (limit {config.rate_phone})",
        {"same phone": outcomes},
        f"{with_phone} with that number (+{added})",
        [
            Check(
                f"{limit} answered 302, {posts - limit} answered 429",
                only(outcomes, 302) == limit and only(outcomes, 429) == posts - limit,
                statuses(outcomes),
            ),
            Check(f"{limit} stored with that number", with_phone == limit, str(with_phone)),
            Check(f"nothing else stored: +{limit}", added == limit, f"+{added}"),
        ],
        len(rows),
    )


def print_report(report: PhaseReport) -> None:
    """A phase's figures and checks."""
    print(f"\n== {report.title}")
    for label, outcomes in report.groups.items():
        print(f"   {label}: {summary(outcomes)}")
    print(f"   stored: {report.stored}")
    for check in report.checks:
        detail = f"  ({check.detail})" if check.detail else ""
        print(f"   {'PASS' if check.ok else 'FAIL'}  {check.label}{detail}")


def run_phases(stack: Stack) -> list[PhaseReport]:
    """The three phases in order, each printed as it ends."""
    reports = [phase_concurrent(stack)]
    print_report(reports[-1])
    reports.append(phase_flood(stack, before=reports[-1].total))
    print_report(reports[-1])
    reports.append(phase_shared_phone(stack, before=reports[-1].total))
    print_report(reports[-1])
    return reports


def parse_args(argv: list[str] | None) -> Config:
    """The command line as a Config."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="sqlite", help="sqlite, postgres, or a fresh URL")
    parser.add_argument("--pg-server", default=default_pg_server(), help="for --database postgres")
    parser.add_argument("--redis", default=Config().redis_url, help="Redis URL (BENCH_REDIS_URL)")
    parser.add_argument("--server", choices=("auto", "runserver", "gunicorn"), default="auto")
    parser.add_argument("--fresh", action="store_true", help="migrate, do not copy the cache")
    parser.add_argument("--concurrent", type=int, default=50)
    parser.add_argument("--flood", type=int, default=40)
    parser.add_argument("--bystanders", type=int, default=10)
    parser.add_argument("--shared-phone", type=int, default=8)
    parser.add_argument("--rate-ip", default="10/h")
    parser.add_argument("--rate-phone", default="5/d")
    args = parser.parse_args(argv)
    return Config(
        concurrent=args.concurrent,
        flood=args.flood,
        bystanders=args.bystanders,
        shared_phone=args.shared_phone,
        rate_ip=args.rate_ip,
        rate_phone=args.rate_phone,
        database=args.database,
        pg_server=args.pg_server,
        redis_url=args.redis,
        server=args.server,
        fresh=args.fresh,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the bench: 0 when every check passed, 1 when one failed, 2 when it could not run."""
    config = parse_args(argv)
    try:
        with running_stack(config) as stack:
            print(f"server: {stack.server} on {stack.base} (Host {stack.host})")
            print(f"database: {stack.database}; cache: Redis {config.redis_url}, own key prefix")
            print(f"limits: {config.rate_ip} per address, {config.rate_phone} per phone number")
            print(f"set-up (database, site, server up): {stack.setup_seconds:.1f} s")
            reports = run_phases(stack)
    except BenchError as err:
        print(f"bench-interaction cannot run: {err}", file=sys.stderr)
        return 2
    checks = [check for report in reports for check in report.checks]
    failed = [check for check in checks if not check.ok]
    print(f"\n{len(checks) - len(failed)}/{len(checks)} checks passed", end="")
    print("" if not failed else f"; FAILED: {'; '.join(check.label for check in failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
