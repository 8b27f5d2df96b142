"""The ``kg`` command: a thin click layer over the library.

Library errors (``kg.errors.KgError``) become one line on stderr and the documented exit code:
0 success, 1 output does not conform, 2 bad usage or unreadable input.  No traceback reaches
the user.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from kg import __version__
from kg.errors import KgError

# Each module defines click commands and a ``COMMANDS`` tuple; imported only when the CLI starts.
_COMMAND_MODULES = ("kg.cli.build", "kg.cli.store", "kg.cli.validate", "kg.cli.review")


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except MemoryError:
            click.echo("Error: out of memory", err=True)
            sys.exit(2)
        except Exception as error:  # a bug: still one line, never a traceback
            name = type(error).__name__
            click.echo(f"Error: internal error ({name}: {error}); please report it", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Knowledge graphs from Chinese poverty-alleviation reporting.

    \b
    Example:
      kg build && kg query programmes --area 永胜县
    """


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue  # a command module not written yet
            raise
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    import logging

    # rdflib logs a traceback when a literal's lexical form is ill-formed (an hour of 27);
    # the shapes report such values, so the log would only put a traceback on the screen.
    logging.getLogger("rdflib").setLevel(logging.CRITICAL)
    cli(prog_name="kg")
