"""The ``kg`` command: a thin click layer over the library.

Library errors (``kg.errors.KgError``) become one line on stderr and the documented exit code:
0 success, 1 output does not conform, 2 bad usage or unreadable input.  No traceback reaches
the user.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import NoReturn

import click

from kg import __version__
from kg.errors import KgError

# Each command lives in one of these modules (which lists it in ``COMMANDS``) and is imported
# only when it runs or help lists it: ``kg build`` need not import the store and query layers.
COMMAND_MODULES = {
    "build": "kg.cli.build",
    "load": "kg.cli.store",
    "query": "kg.cli.store",
    "sparql": "kg.cli.store",
    "validate": "kg.cli.validate",
    "report": "kg.cli.review",
    "export": "kg.cli.review",
}


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES and cmd_name not in self.commands:
            for command in import_module(COMMAND_MODULES[cmd_name]).COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            _closed_pipe()
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


SIGPIPE_EXIT = 128 + 13
"""The status a shell reports for a Unix tool that SIGPIPE ended (``kg sparql … | head``)."""


def _closed_pipe() -> NoReturn:
    """The reader of standard output went away (``| head``): stop quietly, as Unix tools do.
    Standard output is pointed at /dev/null so that flushing it at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    sys.exit(SIGPIPE_EXIT)


def _not_utf8(args: list[str]) -> str | None:
    """The first argument that is not valid UTF-8 (Python keeps its bytes as surrogates) and
    names no existing file (file names need not be UTF-8 on Unix), shown with escapes."""
    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            if not os.path.lexists(arg):
                return ascii(os.fsencode(arg))[1:]
    return None


def main() -> None:
    import logging

    # rdflib logs a traceback when a literal's lexical form is ill-formed (an hour of 27);
    # the shapes report such values, so the log would only put a traceback on the screen.
    logging.getLogger("rdflib").setLevel(logging.CRITICAL)
    bad = _not_utf8(sys.argv[1:])
    if bad is not None:
        click.echo(
            f"Error: the argument {bad} is not valid UTF-8 (give names and queries in UTF-8; "
            "check the terminal's encoding)",
            err=True,
        )
        sys.exit(2)
    try:
        try:
            cli(prog_name="kg")
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        _closed_pipe()
