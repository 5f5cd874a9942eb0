"""``python -m tools.every_service``: see ``runner.py`` and ``--help``."""

import sys

from .runner import main

if __name__ == "__main__":
    sys.exit(main())
