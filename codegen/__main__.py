"""Entry point for ``python -m codegen``."""

import sys

try:
    from codegen.cli import main
except KeyboardInterrupt:  # Ctrl-C while the modules load
    print("codegen: interrupted", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
