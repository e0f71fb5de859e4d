"""Regenerates `schemas/*.schema.json` from the models: `python -m ingest.messages.export_schemas`."""

from __future__ import annotations

from ingest.messages.schemas import write_schemas


def main() -> None:
    for path in write_schemas():
        print(path)


if __name__ == "__main__":
    main()
