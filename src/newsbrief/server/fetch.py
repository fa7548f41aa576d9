"""Fetching an article's page for ``POST /analyze {"url": ...}`` without becoming a proxy into private networks.

Hand-written on httpx and the standard library's ``ipaddress`` because no maintained package does the whole job
(an address check pinned to the connection, redirects re-checked hop by hop, a byte cap and an overall deadline).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from ..errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(InputError):
    """A link that may not or could not be fetched; ``status`` is the HTTP status the API answers with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def is_public_address(ip: IPAddress) -> bool:
    """True only for globally routable unicast addresses (no loopback, private, link-local, shared, reserved)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback however it is written
    return ip.is_global and not ip.is_multicast


@dataclass
class FetchedPage:
    url: str
    content_type: str
    body: bytes


@dataclass
class UrlFetcher:
    timeout: float = 10.0  # seconds for the whole fetch, redirects included
    max_bytes: int = 3_000_000
    max_redirects: int = 5
    address_allowed: Callable[[IPAddress], bool] = field(default=is_public_address)
    verify: ssl.SSLContext | bool = True  # https trust: httpx's default CA bundle, or a context of one's own
    user_agent: str = "newsbrief (+https://github.com/newsbrief)"

    def fetch(self, url: str) -> FetchedPage:
        deadline = time.monotonic() + self.timeout
        for _ in range(self.max_redirects + 1):
            page = self._fetch_once(url, deadline)
            if isinstance(page, FetchedPage):
                return page
            url = page  # a redirect: the next hop goes through the same checks
        raise FetchError(f"more than {self.max_redirects} redirects", 502)

    def _fetch_once(self, url: str, deadline: float) -> FetchedPage | str:
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise FetchError(f"not a valid link: {exc}") from None
        if target.scheme not in ("http", "https") or not target.host:
            raise FetchError("only http:// and https:// links can be fetched")
        port = target.port or (443 if target.scheme == "https" else 80)
        address = self._checked_address(target.host, port)
        # connect to the address just checked, so a second DNS answer cannot point elsewhere
        pinned = target.copy_with(host=str(address))
        headers = {"Host": target.netloc.decode("ascii"), "User-Agent": self.user_agent,
                   "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"}
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"the page did not answer within {self.timeout:g} s", 504)
        try:
            with httpx.Client(timeout=remaining, follow_redirects=False, trust_env=False, verify=self.verify) as client:
                request = client.build_request("GET", pinned, headers=headers, extensions=extensions)
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect and "location" in response.headers:
                        return urljoin(str(target), response.headers["location"])
                    if response.status_code >= 400:
                        raise FetchError(f"the page answered HTTP {response.status_code}", 502)
                    body = self._read_capped(response, deadline)
                finally:
                    response.close()
        except httpx.TimeoutException:
            raise FetchError(f"the page did not answer within {self.timeout:g} s", 504) from None
        except httpx.HTTPError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                raise FetchError(f"the TLS certificate of {target.host} could not be verified", 502) from None
            raise FetchError(f"the page could not be fetched ({type(exc).__name__})", 502) from None
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return FetchedPage(url=str(target), content_type=content_type, body=body)

    def _checked_address(self, host: str, port: int) -> IPAddress:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise FetchError(f"cannot resolve {host}", 502) from None
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        # every answer must be allowed: a host that resolves anywhere private is refused outright
        refused = [a for a in addresses if not self.address_allowed(a)]
        if not addresses or refused:
            raise FetchError(f"{host} resolves to a loopback, private or reserved address; it is not fetched")
        return addresses[0]

    def _read_capped(self, response: httpx.Response, deadline: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"the page is larger than the {self.max_bytes:,}-byte limit", 502)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchError(f"the page is larger than the {self.max_bytes:,}-byte limit", 502)
            if time.monotonic() > deadline:
                raise FetchError(f"the page did not arrive within {self.timeout:g} s", 504)
        return bytes(body)
