"""The ``kommun-intl`` command, as the wheel installs it (also ``python -m kommun_intl``).

The command line is the Rust CLI itself, compiled into the extension module: the arguments
go to it unchanged and its exit status becomes the process's.
"""

import sys

from kommun_intl._native import run_cli


def main() -> None:
    """Runs ``kommun-intl`` with the process's arguments and exits with its status."""
    sys.stdout.flush()
    sys.stderr.flush()
    raise SystemExit(run_cli(["kommun-intl", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
