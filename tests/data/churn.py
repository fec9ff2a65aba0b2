"""A synthetic customer table for the dataset-record tests (importable by tests): three planted
groups that differ by contract, monthly charges, tenure and services, plus columns that only
describe (region, signed up) and personal ones (e-mail, phone) that must never be stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import numpy as np

from personamap.data.columns import Column, ColumnKind, Table
from personamap.model.research import ColumnRole, ColumnType, DatasetColumn

CONTRACTS = ("month-to-month", "two year", "one year")
CHARGES = (80.0, 30.0, 55.0)
TENURE = (6.0, 50.0, 25.0)
SERVICES = (("internet", "streaming"), ("phone",), ("internet",))
WEIGHTS = (0.5, 0.35, 0.15)
RARE_REGION = "Ghent"
"""Given by one row only: a quasi-identifier the record must pool as "(other)"."""

COLUMNS = [
    DatasetColumn(name="contract", type=ColumnType.CATEGORICAL, role=ColumnRole.SEGMENT),
    DatasetColumn(name="monthly charges", type=ColumnType.NUMERIC, role=ColumnRole.SEGMENT),
    DatasetColumn(name="tenure", type=ColumnType.NUMERIC, role=ColumnRole.SEGMENT, maps_to="behaviour"),
    DatasetColumn(name="services", type=ColumnType.MULTI_SELECT, role=ColumnRole.SEGMENT),
    DatasetColumn(name="region", type=ColumnType.CATEGORICAL, role=ColumnRole.DESCRIBE),
    DatasetColumn(name="signed up", type=ColumnType.DATE, role=ColumnRole.DESCRIBE),
    DatasetColumn(
        name="e-mail",
        type=ColumnType.TEXT,
        role=ColumnRole.PERSONAL,
        maps_to="demographics.location",
        personal_reason="looks like e-mail addresses",
    ),
    DatasetColumn(
        name="phone",
        type=ColumnType.TEXT,
        role=ColumnRole.PERSONAL,
        personal_reason="looks like phone numbers",
    ),
]
SEGMENTING = [c.name for c in COLUMNS if c.role is ColumnRole.SEGMENT]
DESCRIBING = [c.name for c in COLUMNS if c.role is ColumnRole.DESCRIBE]


def churn_table(n: int = 600, seed: int = 4) -> tuple[Table, np.ndarray]:
    """`n` customers and each one's planted group."""
    rng = np.random.default_rng(seed)
    group = rng.choice(3, size=n, p=WEIGHTS)
    stray = rng.random(n) < 0.08
    contract = [CONTRACTS[(g + 1) % 3] if s else CONTRACTS[g] for g, s in zip(group, stray, strict=True)]
    regions = rng.choice(["north", "south", "east"], size=n).tolist()
    regions[7] = RARE_REGION
    start = dt.date(2020, 1, 1)
    columns = [
        Column("contract", ColumnKind.CATEGORICAL, contract),
        Column(
            "monthly charges",
            ColumnKind.NUMERIC,
            [float(v) for v in rng.normal(np.take(CHARGES, group), 6.0)],
        ),
        Column("tenure", ColumnKind.NUMERIC, [float(v) for v in rng.normal(np.take(TENURE, group), 3.0)]),
        Column("services", ColumnKind.MULTI_SELECT, [SERVICES[g] for g in group]),
        Column("region", ColumnKind.CATEGORICAL, regions),
        Column(
            "signed up", ColumnKind.DATE, [start + dt.timedelta(days=int(d)) for d in rng.integers(0, 900, n)]
        ),
        Column("e-mail", ColumnKind.TEXT, [f"person{i}@example.com" for i in range(n)], personal=True),
        Column("phone", ColumnKind.TEXT, [f"+49 151 {1000000 + i}" for i in range(n)], personal=True),
    ]
    return with_columns(Table(Path("churn.csv"), columns, n), columns), group


def with_columns(table: Table, columns: list[Column]) -> Table:
    """`table` holding `columns`, with a checksum of their values (as a real file's would change)."""
    digest = hashlib.sha256(repr([(c.name, c.values) for c in columns]).encode()).hexdigest()
    return dataclasses.replace(table, columns=columns, sha256=digest)


def replaced(table: Table, name: str, values: list) -> Table:
    """`table` with column `name` holding `values` instead."""
    columns = [dataclasses.replace(c, values=values) if c.name == name else c for c in table.columns]
    return with_columns(table, columns)
