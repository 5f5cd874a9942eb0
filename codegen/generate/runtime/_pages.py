"""Typed pages and waiter settings over botocore's own paginators and waiters.

It imports botocore, so only the package's ``client`` and ``async_client``
modules import it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Generic, NoReturn, TypeVar

from botocore.exceptions import ClientError

from ._runtime import Shape

__all__ = ["AsyncPages", "Pages", "pagination_config", "waiter_config"]

_Page = TypeVar("_Page", bound=Shape[Any])


def pagination_config(
    page_size: int | None, max_items: int | None, starting_token: str | None
) -> dict[str, Any]:
    """botocore's ``PaginationConfig``, with only the settings given."""
    settings = {
        "PageSize": page_size,
        "MaxItems": max_items,
        "StartingToken": starting_token,
    }
    return {key: value for key, value in settings.items() if value is not None}


def waiter_config(delay: int | None, max_attempts: int | None) -> dict[str, Any]:
    """botocore's ``WaiterConfig``, with only the settings given."""
    settings = {"Delay": delay, "MaxAttempts": max_attempts}
    return {key: value for key, value in settings.items() if value is not None}


class _Paging(Generic[_Page]):
    """What sync and async pages share: botocore's pages, the typed response
    each is read into, and how a modeled error is raised."""

    def __init__(
        self,
        pages: Any,
        response: type[_Page],
        operation: str,
        convert: Callable[[ClientError], Exception | None],
    ) -> None:
        self._pages = pages
        self._operation = operation
        self._response = response
        self._convert = convert

    def _raise(self, error: ClientError) -> NoReturn:
        """A modeled error as the package's class, any other as it came."""
        modeled = self._convert(error)
        if modeled is None:
            raise error
        raise modeled from error

    def _read(self, page: Mapping[str, Any]) -> _Page:
        return self._response._from_response(page, self._operation)

    @property
    def resume_token(self) -> str | None:
        """botocore's ``PageIterator.resume_token`` (set only when ``max_items``
        stopped the paging early), for a later ``starting_token``."""
        token: str | None = self._pages.resume_token
        return token


class Pages(_Paging[_Page], Iterator[_Page]):
    """Each page of botocore's ``PageIterator``, read into the typed response.

    botocore decides everything about paging (tokens, ``MaxItems`` truncation,
    ``StartingToken``); a modeled error on any page is raised as the package's
    class, and a page that does not fit the model as ``ResponseValidationError``,
    as a single call would raise them. After the last page,
    ``resume_token`` is botocore's token for a later ``starting_token``.
    """

    _iterator: Iterator[Mapping[str, Any]] | None = None

    def __iter__(self) -> Pages[_Page]:
        return self

    def __next__(self) -> _Page:
        if self._iterator is None:
            self._iterator = iter(self._pages)
        try:
            page = next(self._iterator)
        except ClientError as error:
            self._raise(error)
        return self._read(page)


class AsyncPages(_Paging[_Page], AsyncIterator[_Page]):
    """``Pages`` for ``async for``: each page of an asyncio paginator (an
    ``AsyncIterable`` of botocore's parsed pages with botocore's
    ``PageIterator`` logic and ``resume_token``), read into the typed response.

    Nothing is sent until the first page is awaited; a modeled error or a page
    that does not fit the model is raised as ``Pages`` raises it.
    """

    _iterator: AsyncIterator[Mapping[str, Any]] | None = None

    def __aiter__(self) -> AsyncPages[_Page]:
        return self

    async def __anext__(self) -> _Page:
        if self._iterator is None:
            self._iterator = aiter(self._pages)
        try:
            page = await anext(self._iterator)
        except ClientError as error:
            self._raise(error)
        return self._read(page)
