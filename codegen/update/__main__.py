"""Entry point for ``python -m codegen.update``."""

import sys

try:
    from codegen.interrupts import guarded
    from codegen.update.workflow import main
except KeyboardInterrupt:  # Ctrl-C while the modules load
    print("codegen: interrupted", file=sys.stderr)
    sys.exit(130)

sys.exit(guarded(main))
