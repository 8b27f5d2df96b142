"""Every command explains itself: --help works and ends with an example."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in sorted(group.commands.items()):
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
