"""The entry point PyInstaller freezes: the same `personamap` command as the wheel installs."""

import sys

from personamap.cli import main

if __name__ == "__main__":
    sys.exit(main())
