"""PyInstaller's entry point for the `policy-viewer` bundle (see build.spec)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # Ingest analyses in a spawn process pool: in a frozen program each worker re-runs this
    # executable, and freeze_support() turns it into a worker before any argument parsing.
    multiprocessing.freeze_support()
    from viewer.cli import main

    sys.exit(main())
