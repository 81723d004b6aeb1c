"""`vigyapti` command line: one subcommand per module in pipelines/commands/.

Each command module defines HELP, `configure(parser)` and `run(args) -> int`.
Errors reach the user as one line (`vigyapti: error: ...`), never a traceback;
`VIGYAPTI_DEBUG=1` shows the traceback for bug reports.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from typing import Optional, Sequence

from pipelines import commands
from pipelines.errors import VigyaptiError

EXIT_OK, EXIT_NOTHING, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vigyapti", description="Structured records and English summaries from Hindi press releases.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        name = getattr(module, "NAME", info.name.replace("_", "-"))
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except VigyaptiError as exc:
        print(f"vigyapti: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("vigyapti: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so in one line, keep the traceback for VIGYAPTI_DEBUG
        if os.environ.get("VIGYAPTI_DEBUG"):
            raise
        print(f"vigyapti: internal error: {type(exc).__name__}: {exc} (set VIGYAPTI_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
