"""The house rules of DESIGN.md as tests: the import arrows between rooms, no import cycles, size.

Every import counts: module level, inside functions, and under ``if TYPE_CHECKING:``, since a
type-checking import still says the code sits in the wrong module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("redesign", "blocks", "migrations_kit")
MAX_LINES = 600
APPS = ("cluster", "guarantee", "interaction", "search", "portal")
"""The cluster's apps above the page types (DESIGN.md: they use sites and blocks)."""


def _module_name(path: Path) -> str:
    """The dotted name of a source file."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every product module by dotted name (migrations excluded: Django writes those)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts[1:-1]:
                continue
            found[_module_name(path)] = path
    return found


def _resolve(name: str) -> str | None:
    """The deepest known module a dotted name falls in (a.b.C → a.b), or None if not ours."""
    known = modules()
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def _imported(module: str, path: Path) -> Iterator[str]:
    """The dotted names a module imports, relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield f"{base}.{alias.name}"


def _target(name: str) -> str | None:
    """The module an import points at; a module not written yet counts as its room (an app
    reading another app that is still to come, such as guarantee → interaction)."""
    target = _resolve(name)
    if target in PACKAGES and name != target:
        return ".".join(name.split(".")[:2])
    return target


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module → the product modules it imports."""
    edges = {}
    for module, path in modules().items():
        targets = {_target(name) for name in _imported(module, path)}
        edges[module] = frozenset(t for t in targets if t and t != module)
    return edges


def _cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def _room(module: str) -> str:
    """The room of a module: blocks, migrations_kit, or redesign.<app>."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "redesign" and len(parts) > 1 else parts[0]


def _allowed(source: str, target: str) -> bool:
    """Whether DESIGN.md's picture lets room source import room target."""
    if source == target or source in {"redesign.settings", "redesign.urls", "redesign.wsgi"}:
        return True
    if target == "redesign.demo":
        return False  # nothing imports demo
    if source == "redesign.demo":
        return True  # demo uses anything it builds
    if source == "blocks":
        return False  # blocks import no app module
    if source == "redesign.core":
        return target == "blocks"
    if source == "migrations_kit":
        return target in {"redesign.core", "blocks"}
    if source.removeprefix("redesign.") in APPS:
        if (source, target) == ("redesign.guarantee", "redesign.interaction"):
            return True
        return target in {"redesign.core", "blocks"}
    return False


def test_the_module_graph_is_found():
    assert len(modules()) > 100
    assert "redesign.core.models" in graph()["migrations_kit.writer"]
    assert "blocks.streams" in graph()["redesign.core.models.article"]


def test_no_module_imports_one_that_imports_it_back():
    assert _cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    edges = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert _cycles(edges) == [["a", "b", "c"]]


def test_no_room_imports_against_the_arrows_of_design_md():
    wrong = sorted(
        f"{module} → {target}"
        for module, targets in graph().items()
        for target in targets
        if not _allowed(_room(module), _room(target))
    )
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        ("blocks", "redesign.core", False),
        ("redesign.core", "redesign.cluster", False),
        ("migrations_kit", "redesign.cluster", False),
        ("migrations_kit", "redesign.core", True),
        ("redesign.cluster", "redesign.demo", False),
        ("redesign.demo", "migrations_kit", True),
        ("redesign.interaction", "redesign.guarantee", False),
        ("redesign.guarantee", "redesign.interaction", True),
    ],
)
def test_the_arrow_rules_read_as_design_md_draws_them(source, target, allowed):
    assert _allowed(source, target) is allowed


def test_no_product_module_is_over_the_size_limit():
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
