"""A synthetic telco-like customer table (importable by tests): four planted groups, one of them a
niche, with contract, internet service, tenure, charges, churn, age, gender, city, channels,
devices, and e-mail and phone columns that are personal."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

HEADER = [
    "Customer e-mail",
    "Phone",
    "Contract",
    "Internet service",
    "Tenure",
    "MonthlyCharges (€)",
    "Churn",
    "Age",
    "Gender",
    "City",
    "How did you hear about us",
    "Devices",
]
GROUPS = (
    # share, contract, internet, tenure, charges, churn rate, age, channels, devices
    (0.50, "Month-to-month", "Fiber optic", 8.0, 85.0, 0.6, 28.0, "Social media; Friends", "Mobile"),
    (0.30, "Two year", "DSL", 55.0, 55.0, 0.05, 52.0, "Shop", "Desktop; Tablet"),
    (0.17, "One year", "DSL", 30.0, 40.0, 0.15, 40.0, "Search", "Mobile; Desktop"),
    (0.03, "Month-to-month", "None", 20.0, 20.0, 0.3, 70.0, "Letter", "Landline box"),
)
CITIES = ("Berlin", "Hamburg", "München", "Köln", "Leipzig")


def telco_rows(n: int = 800, seed: int = 3) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    shares = np.array([g[0] for g in GROUPS])
    truth = rng.choice(len(GROUPS), size=n, p=shares / shares.sum())
    rows = []
    for i, g in enumerate(truth):
        _, contract, internet, tenure, charges, churn, age, channels, devices = GROUPS[g]
        rows.append(
            [
                f"customer{i}@example.com",
                f"+49 30 {5550000 + i * 37:07d}",
                contract,
                internet,
                str(max(1, round(rng.normal(tenure, 4.0)))),
                f"{rng.normal(charges, 5.0):.2f}",
                "Yes" if rng.random() < churn else "No",
                str(max(18, round(rng.normal(age, 4.0)))),
                "Female" if rng.random() < (0.7 if g == 0 else 0.45) else "Male",
                CITIES[int(rng.integers(len(CITIES)))] if g else "Berlin",
                channels,
                devices,
            ]
        )
    return rows


def write_telco(path: Path, n: int = 800, seed: int = 3) -> tuple[Path, list[list[str]]]:
    rows = telco_rows(n, seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path, rows
