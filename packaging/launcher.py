"""Entry script of the frozen program (PyInstaller needs a file, not a module, to start from).

Kept outside the package so that PyInstaller does not put disclosure_desk/ itself on the module path,
where its modules could be found a second time under top-level names.
"""

from __future__ import annotations

import sys

from disclosure_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
