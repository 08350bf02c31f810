"""`python -m disclosure_desk` and the `disclosure-desk` entry point."""

from __future__ import annotations

import sys


def main() -> int:
    from disclosure_desk.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
