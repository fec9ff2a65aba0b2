"""Sessions on the room's network (zeroconf, DNS-SD): a host advertises its join address, a
participant's personamap lists what it finds, so nobody has to type an address. A network
without multicast only means nothing is found: nothing here raises for it."""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from zeroconf import (
    InterfaceChoice,
    IPVersion,
    ServiceBrowser,
    ServiceInfo,
    ServiceStateChange,
    Zeroconf,
)

SERVICE = "_personamap._tcp.local."
VERSION = "1"
LOOKUP_MS = 3000
LABEL_BYTES = 63
"""A DNS label's limit: the instance name is cut to it; the TXT `name` keeps the whole name."""
NAME_BYTES = 200

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    """A session someone advertises: the name they gave it and its join address."""

    name: str
    url: str


def _cut(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never inside a character."""
    return text.encode()[:limit].decode(errors="ignore")


def _interfaces(hosts: Sequence[str] | None) -> list[str] | InterfaceChoice:
    return list(hosts) if hosts else InterfaceChoice.All


def _address(host: str) -> bytes:
    """The packed address `host` names (an IP address or a resolvable host name)."""
    try:
        return ipaddress.ip_address(host).packed
    except ValueError:
        return socket.inet_aton(socket.gethostbyname(host))


def _server_name() -> str:
    label = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname().split(".")[0]).strip("-")
    return f"{label[:LABEL_BYTES] or 'personamap'}.local."


class Advertisement:
    """Announces one session (`url` = http://ADDR:PORT/session) under `name` until closed. It
    is sent only on the interface of the URL's address, where participants can reach it."""

    def __init__(self, name: str, url: str) -> None:
        parts = urlsplit(url)
        if not parts.hostname or parts.port is None:
            raise ValueError(f"not a join address: {url}")
        self.name, self.url = name, url
        self._host, self._port, self._path = parts.hostname, parts.port, parts.path or "/session"
        self._zeroconf: Zeroconf | None = None
        self._info: ServiceInfo | None = None

    def start(self) -> None:
        try:
            packed = _address(self._host)
            unspecified = ipaddress.ip_address(packed).is_unspecified
            self._zeroconf = Zeroconf(
                interfaces=InterfaceChoice.All if unspecified else [self._host], ip_version=IPVersion.V4Only
            )
            self._info = ServiceInfo(
                SERVICE,
                f"{_cut(self.name, LABEL_BYTES).replace('.', ' ').strip() or 'personamap'}.{SERVICE}",
                addresses=[packed],
                port=self._port,
                properties={"path": self._path, "v": VERSION, "name": _cut(self.name, NAME_BYTES)},
                server=_server_name(),
            )
            self._zeroconf.register_service(self._info, allow_name_change=True)
        except Exception as exc:  # no multicast, no such interface, a name clash: nobody finds it
            log.warning("the session is not advertised on the network: %s", exc)
            self.close()

    def close(self) -> None:
        """Withdraw the announcement; never raises."""
        zeroconf, info = self._zeroconf, self._info
        self._zeroconf = self._info = None
        if zeroconf is None:
            return
        try:
            if info is not None:
                zeroconf.unregister_service(info)
        except Exception as exc:
            log.warning("the session's announcement was not withdrawn: %s", exc)
        finally:
            zeroconf.close()


def found(info: ServiceInfo) -> Found | None:
    """What an advertisement says, or None when it has no IPv4 address to join at."""
    addresses = info.parsed_addresses(IPVersion.V4Only)
    if not addresses or info.port is None:
        return None
    properties = info.decoded_properties
    path = properties.get("path") or "/session"
    name = properties.get("name") or info.name.removesuffix(f".{SERVICE}")
    return Found(name=name, url=f"http://{addresses[0]}:{info.port}{path}")


class SessionBrowser:
    """Watches the network for sessions; `on_change` gets the whole list, sorted by name, from
    zeroconf's thread each time it changes. `interfaces`: addresses to listen on (default all)."""

    def __init__(
        self, on_change: Callable[[list[Found]], None], *, interfaces: Sequence[str] | None = None
    ) -> None:
        self.on_change = on_change
        self._interfaces = interfaces
        self._found: dict[str, Found] = {}
        self._lock = threading.Lock()
        self._zeroconf: Zeroconf | None = None
        self._browser: ServiceBrowser | None = None

    def start(self) -> None:
        try:
            self._zeroconf = Zeroconf(interfaces=_interfaces(self._interfaces), ip_version=IPVersion.V4Only)
            self._browser = ServiceBrowser(self._zeroconf, SERVICE, handlers=[self._changed])
        except Exception as exc:  # no multicast here: the list stays empty, the address field works
            log.warning("cannot look for sessions on the network: %s", exc)
            self.close()

    def _changed(
        self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        session = None
        if state_change is not ServiceStateChange.Removed:
            info = zeroconf.get_service_info(service_type, name, LOOKUP_MS)
            session = found(info) if info is not None else None
        with self._lock:
            if state_change is ServiceStateChange.Removed:
                self._found.pop(name, None)
            elif session is not None:
                self._found[name] = session
            else:  # it could not be looked up: keep what we knew
                return
            sessions = sorted(self._found.values(), key=lambda s: (s.name.casefold(), s.url))
        self.on_change(sessions)

    def close(self) -> None:
        """Stop looking; never raises."""
        browser, zeroconf = self._browser, self._zeroconf
        self._browser = self._zeroconf = None
        try:
            if browser is not None:
                browser.cancel()
        except Exception as exc:
            log.warning("the session browser did not stop cleanly: %s", exc)
        finally:
            if zeroconf is not None:
                zeroconf.close()
