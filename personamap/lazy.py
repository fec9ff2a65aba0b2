"""Package attributes that load their submodule on first use (PEP 562).

`ops` and `layout` gather many submodules behind one namespace; importing the namespace for
one function should not import every sibling, or start-up pays for journey layout and a
hundred edit constructors before the first window paints.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


def lazy_package(namespace: dict[str, Any], table: dict[str, tuple[str, ...]]) -> None:
    """Give the package whose globals are `namespace` the names of `table` (submodule ->
    names), each imported from its submodule when first asked for, then kept."""
    package = namespace["__name__"]
    where = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = namespace[name] = getattr(import_module(f"{package}.{module}"), name)
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    namespace["__getattr__"] = __getattr__
    namespace["__dir__"] = __dir__
