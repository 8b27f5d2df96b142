"""Every command explains itself: --help works and ends with an example."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module

import click
import pytest
from click.testing import CliRunner

from kg.cli import COMMAND_MODULES, cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, name
        path = (*prefix, name)
        out.append(path)
        if isinstance(command, click.Group):
            out.extend(_commands(command, path))
    return out


@pytest.mark.parametrize("path", _commands(cli), ids=" ".join)
def test_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"kg {' '.join(path)} --help shows no example"


def test_every_contract_command_exists() -> None:
    paths = set(_commands(cli))
    for path in [("build",), ("validate",), ("load",), ("query", "programmes"), ("sparql",)]:
        assert path in paths


def test_every_command_module_lists_the_commands_mapped_to_it() -> None:
    for module in set(COMMAND_MODULES.values()):
        listed = {command.name for command in import_module(module).COMMANDS}
        assert listed == {name for name, home in COMMAND_MODULES.items() if home == module}


def test_build_does_not_import_the_store_or_query_layers() -> None:
    """Commands load lazily: ``kg build --no-store`` pays for none of the others' imports."""
    probe = (
        "import sys, click; from kg.cli import cli; "
        "cli.get_command(click.Context(cli), 'build'); "
        "heavy = ('kg.store.query', 'kg.store.backends', 'kg.review.page'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
