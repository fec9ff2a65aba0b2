"""Write the published JSON Schema of the project file (docs/schema/) from the model.

    python scripts/build_schema.py           # write docs/schema/personamap-vN.schema.json
    python scripts/build_schema.py --check   # exit 1 if the committed copy is out of date

The file is exactly what `personamap schema` prints (personamap/io/schema.py), so a change to
the model shows up as a diff of the schema; a test fails until it is rebuilt. Copies of older
schema versions stay as they were published.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from personamap.io import SCHEMA_VERSION  # noqa: E402
from personamap.io.schema import schema_text  # noqa: E402

SCHEMA_FILE = ROOT / "docs" / "schema" / f"personamap-v{SCHEMA_VERSION}.schema.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if it differs")
    args = parser.parse_args(argv)
    data = schema_text().encode("utf-8")
    shown = SCHEMA_FILE.relative_to(ROOT).as_posix()
    same = SCHEMA_FILE.is_file() and SCHEMA_FILE.read_bytes() == data
    if args.check:
        if not same:
            print(f"{shown} is out of date: run python scripts/build_schema.py", file=sys.stderr)
        return 0 if same else 1
    if same:
        print(f"{shown} is up to date")
    else:
        SCHEMA_FILE.parent.mkdir(parents=True, exist_ok=True)
        SCHEMA_FILE.write_bytes(data)
        print(f"wrote {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
