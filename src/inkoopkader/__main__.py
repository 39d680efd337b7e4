"""`python -m inkoopkader`, and the console script's entry point.

The command line imports typer and rich (about a tenth of a second). A Ctrl-C in that time would
end in a KeyboardInterrupt traceback if the console script imported `inkoopkader.cli` itself; here
the import is inside the handler, and the interrupt ends quietly with exit code 130.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        try:
            sys.stderr.write("Afgebroken.\n")
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass
        os._exit(130)
    cli_main()


if __name__ == "__main__":
    main()
