"""`python -m disclosure_desk` and the `disclosure-desk` entry point."""

from __future__ import annotations

import sys

CANCELLED = 130  # the shell's code for a program stopped by Ctrl+C


def main() -> int:
    try:
        # Ctrl+C while the program is still loading (the first half second) lands here, not in the CLI's
        # own handler: without this it printed a KeyboardInterrupt traceback
        from disclosure_desk.cli import main as cli_main

        return cli_main(sys.argv[1:])
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return CANCELLED


if __name__ == "__main__":
    sys.exit(main())
