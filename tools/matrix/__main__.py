"""``python -m tools.matrix``: see ``cli.py`` and ``--help``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
